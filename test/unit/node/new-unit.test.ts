import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildUnit, validateUnit } from "../../../src/index.js";
import { newUnit } from "../../../src/node/scaffold/new-unit.js";
import { CHECK_PACKAGE } from "../../helpers/ensure-chromium.js";

describe("skillpack new", () => {
  let cwd: string;
  beforeEach(async () => {
    cwd = await mkdtemp(join(tmpdir(), "skillpack-new-"));
  });
  afterEach(() => rm(cwd, { recursive: true, force: true }));

  it("writes a unit that validates with no diagnostic at all, in every language asked for", async () => {
    const dir = await newUnit("first-unit", { cwd, languages: ["en", "lt", "pl"] });
    expect(await validateUnit(dir)).toEqual([]);
    const unit = JSON.parse(await readFile(join(dir, "unit.json"), "utf8"));
    const kinds = new Set(unit.sections.flatMap((s: { blocks: { kind: string }[] }) => s.blocks.map((b) => b.kind)));
    expect([...kinds].sort()).toEqual(["callout", "image", "matching", "quiz", "reflection", "scenario", "selfAssessment", "selfAssessmentRetake", "sorting", "text"]);
    // The editor finds the schema through $schema, relative to the unit folder.
    expect(unit.$schema).toMatch(/dist\/schema\/unit\.schema\.json$/);
    await expect(readFile(join(dir, unit.$schema), "utf8")).resolves.toContain('"$id"');
  });

  it("builds into a package the conformance checker accepts", async () => {
    const dir = await newUnit("first-unit", { cwd, languages: ["en"] });
    const { packages, diagnostics } = await buildUnit(dir, { outDir: join(cwd, "out") });
    expect(diagnostics).toEqual([]);
    const check = spawnSync(CHECK_PACKAGE, [packages[0]!.path!], { encoding: "utf8" });
    expect(check.stdout).toContain("-> CONFORMANT");
  });

  it("refuses an id that is not valid and a folder that exists", async () => {
    await expect(newUnit("Bad Id", { cwd, languages: ["en"] })).rejects.toThrow(/not a valid unit id/);
    await newUnit("twice", { cwd, languages: ["en"] });
    await expect(newUnit("twice", { cwd, languages: ["en"] })).rejects.toThrow(/already exists/);
  });
});
