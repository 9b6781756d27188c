import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { encodeState, loadUnit } from "../../../src/index.js";
import { createBuildContext } from "../../../src/node/build/build-context.js";
import { checkUnit } from "../../../src/node/build/check-unit.js";
import { inspectState } from "../../../src/node/inspect/inspect-state.js";
import { stateLayout } from "../../../src/shared/state/state-layout.js";
import { playerData } from "../../../src/shared/player-data.js";
import { UI_STRINGS } from "../../../src/shared/ui-strings.js";
import { emptyResumeState, type ResumeState } from "../../../src/shared/tracking-types.js";
import type { Unit } from "../../../src/shared/unit-types.js";

const UNIT = "test/fixtures/units/player-journey";

async function unitOf(path: string): Promise<Unit> {
  return (await checkUnit((await loadUnit(path)).unit!, createBuildContext())).checked!.unit;
}

const learnerState = (unit: Unit): ResumeState => {
  const reflections = unit.sections.flatMap((s) => s.blocks).filter((b) => b.kind === "reflection");
  return {
    ...emptyResumeState(unit.sections[1]!.id),
    visited: unit.sections.slice(0, 2).map((s) => s.id),
    badges: [unit.gamification!.badges[0]!.id],
    reflections: Object.fromEntries(reflections.map((r, i) => [r.id, `Mano atsakymas ${i}: ramiau | kalbėti : dėl. 🙂`])),
  };
};

describe("skillpack inspect", () => {
  it("round-trips: the saved text of a state reads back as the same state", async () => {
    const unit = await unitOf(UNIT);
    const state = learnerState(unit);
    const layout = stateLayout(playerData(unit, UI_STRINGS.en, () => "", (p) => p));
    const text = encodeState(state, layout);
    const read = inspectState(unit, text);
    expect(read).toMatchObject({ ok: true, from: "suspend_data", characters: text.length, state: { page: state.page, visited: state.visited, badges: state.badges, reflections: state.reflections } });
    // Untouched activities read back as their empty forms; written again, the text is the same.
    if (read.ok) expect(encodeState(read.state, layout)).toBe(text);
    // The xAPI/cmi5 state document carries the same text.
    const doc = JSON.stringify({ state: text, reported: ["completed"], savedAt: 1 });
    expect(inspectState(unit, doc)).toMatchObject({ ok: true, from: "xapi-state", state });
  });

  it("says plainly when the data belongs to another unit or is not skillpack's", async () => {
    const [unit, other] = await Promise.all([unitOf(UNIT), unitOf("test/fixtures/units/full")]);
    const text = encodeState(learnerState(other), stateLayout(playerData(other, UI_STRINGS.en, () => "", (p) => p)));
    expect(inspectState(unit, text).ok).toBe(false);
    expect(inspectState(unit, "hello")).toMatchObject({ ok: false });
    expect(inspectState(unit, '{"x":1}')).toMatchObject({ ok: false, reason: expect.stringContaining('"state"') });
  });

  it("prints the state as JSON from the command line, reading a file", async () => {
    const unit = await unitOf(UNIT);
    const dir = await mkdtemp(join(tmpdir(), "skillpack-inspect-"));
    try {
      const file = join(dir, "suspend_data.txt");
      await writeFile(file, encodeState(learnerState(unit), stateLayout(playerData(unit, UI_STRINGS.en, () => "", (p) => p))));
      const run = spawnSync(process.execPath, ["dist/cli.js", "inspect", UNIT, file], { encoding: "utf8" });
      expect(run.status).toBe(0);
      const printed = JSON.parse(run.stdout);
      expect(printed).toMatchObject({ unit: unit.id, from: "suspend_data", state: { page: unit.sections[1]!.id, badges: [unit.gamification!.badges[0]!.id] } });
      const bad = spawnSync(process.execPath, ["dist/cli.js", "inspect", UNIT, "not saved data"], { encoding: "utf8" });
      expect(bad.status).toBe(1);
      expect(bad.stderr).toMatch(/cannot be read/);
      expect(bad.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
