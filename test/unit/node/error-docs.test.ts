import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("docs/errors.md", () => {
  it("has a section for every diagnostic code, which the CLI's hints link to", () => {
    const source = readFileSync("src/node/diagnostics/codes.ts", "utf8");
    const codes = [...source.matchAll(/(?:error|warning)\("([A-Z_]+)"/g)].map((m) => m[1]!);
    expect(codes.length).toBeGreaterThan(20);
    const headings = new Set([...readFileSync("docs/errors.md", "utf8").matchAll(/^## ([A-Z_]+)$/gm)].map((m) => m[1]));
    expect(codes.filter((c) => !headings.has(c))).toEqual([]);
  });
});
