import { decodeState } from "../../shared/state/state-codec.js";
import { stateLayout } from "../../shared/state/state-layout.js";
import { playerData } from "../../shared/player-data.js";
import { UI_STRINGS } from "../../shared/ui-strings.js";
import type { ResumeState } from "../../shared/tracking-types.js";
import type { Unit } from "../../shared/unit-types.js";

export type InspectResult =
  | { ok: true; from: "suspend_data" | "xapi-state"; characters: number; state: ResumeState }
  | { ok: false; reason: string };

/**
 * Reads a learner's saved progress as the support desk receives it — the raw cmi.suspend_data text, or
 * the xAPI/cmi5 state document (JSON with the same text in "state") — with the unit it belongs to.
 * The saved text refers to the unit by position, so it can only be read against that unit.
 */
export function inspectState(unit: Unit, input: string): InspectResult {
  const text = input.replace(/^\uFEFF/, "").trim();
  let saved = text;
  let from: "suspend_data" | "xapi-state" = "suspend_data";
  if (text.startsWith("{")) {
    try {
      const doc = JSON.parse(text) as { state?: unknown };
      if (typeof doc.state !== "string") return { ok: false, reason: 'this JSON has no "state" text: it is not a skillpack state document' };
      saved = doc.state;
      from = "xapi-state";
    } catch {
      return { ok: false, reason: "this starts like JSON but is not valid JSON" };
    }
  }
  const layout = stateLayout(playerData(unit, UI_STRINGS.en, () => "", (path) => path));
  const decoded = decodeState(saved, layout);
  return decoded.ok ? { ok: true, from, characters: saved.length, state: decoded.state } : { ok: false, reason: decoded.reason };
}
