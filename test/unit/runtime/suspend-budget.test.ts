import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildUnit } from "../../../src/node/build/build-unit.js";
import { formatDiagnostic } from "../../../src/node/diagnostics/format-diagnostic.js";
import { unitWorstCase } from "../../../src/node/validate/suspend-budget.js";
import { fixtureUnit } from "./runtime-fixtures.js";

const FIXTURE = path.resolve(import.meta.dirname, "../../fixtures/units/player-journey");

async function unitWithReflections(maxLength: number): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "skillpack-budget-"));
  await cp(FIXTURE, dir, { recursive: true });
  const file = path.join(dir, "unit.json");
  const unit = JSON.parse(await readFile(file, "utf8"));
  for (const s of unit.sections) for (const b of s.blocks) if (b.kind === "reflection") b.maxLength = maxLength;
  await writeFile(file, JSON.stringify(unit, null, 2));
  return dir;
}

describe("the SCORM 1.2 suspend_data budget", () => {
  it("fails a build whose worst case could pass 4096 characters, and says what to shorten", async () => {
    const dir = await unitWithReflections(2000);
    const result = await buildUnit(dir, { write: false, cwd: dir });
    expect(result.packages).toEqual([]);
    const budget = result.diagnostics.find((d) => d.code === "SUSPEND_DATA_BUDGET");
    expect(budget).toBeDefined();
    expect(budget!.severity).toBe("error");
    expect(budget!.pointer).toMatch(/^\/sections\/\d+\/blocks\/\d+\/maxLength$/);
    expect(budget!.message).toContain("4096");
    expect(budget!.message).toMatch(/reflection "r-/);
    expect(budget!.hint).toMatch(/lower "maxLength"/);
    expect(formatDiagnostic(budget!)).toContain("SUSPEND_DATA_BUDGET");
  });

  it("lets a unit inside the budget build", async () => {
    const dir = await unitWithReflections(1000);
    const result = await buildUnit(dir, { write: false, cwd: dir });
    expect(result.diagnostics.filter((d) => d.code === "SUSPEND_DATA_BUDGET")).toEqual([]);
    expect(result.packages.length).toBeGreaterThan(0);
    expect(unitWorstCase(fixtureUnit("player-journey")).length).toBeLessThan(2000);
  });

  it("reports the worst case of every fixture unit under the target", () => {
    for (const name of ["full", "mastery", "minimal", "three-pages", "player-journey"]) {
      expect(unitWorstCase(fixtureUnit(name)).length, name).toBeLessThanOrEqual(2000);
    }
  });
});
