import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { schemaReference } from "../../../src/node/docs/schema-reference.js";
import { unitJsonSchema } from "../../../src/shared/schema/unit-schema.js";

describe("docs/unit-format.md", () => {
  it("is the reference generated from the current schema (run npm run docs after a schema change)", () => {
    const generated = schemaReference(JSON.parse(JSON.stringify(unitJsonSchema)), "The unit format");
    expect(generated).toContain("## unit › sections › blocks: `quiz` › questions: `numeric`");
    expect(readFileSync("docs/unit-format.md", "utf8")).toBe(generated);
  });
});
