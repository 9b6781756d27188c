import { diagnostics, type Place } from "../diagnostics/codes.js";
import type { JsonSource } from "../load/json-source.js";
import type { Diagnostic } from "../../shared/diagnostic.js";
import { DEFAULT_REFLECTION_LENGTH, playerData } from "../../shared/player-data.js";
import { stateLayout } from "../../shared/state/state-layout.js";
import { SCORM12_SUSPEND_DATA_LIMIT, worstCaseSuspendData, type WorstCase } from "../../shared/state/worst-case.js";
import { UI_STRINGS } from "../../shared/ui-strings.js";
import type { Unit } from "../../shared/unit-types.js";
import { unitEntities } from "../../shared/unit-entities.js";

/** The longest saved state the unit can produce, computed from its structure (texts play no part). */
export function unitWorstCase(unit: Unit): WorstCase {
  return worstCaseSuspendData(stateLayout(playerData(unit, UI_STRINGS.en, () => "", (p) => p)));
}

/**
 * SCORM 1.2 keeps the learner's whole progress in cmi.suspend_data, a CMIString4096. A unit whose
 * worst case (every answer given, every reflection filled to its maxLength, every badge) could pass
 * 4096 characters would one day lose a learner's progress on a strict LMS, so the build refuses it and
 * says what takes the room.
 */
export function checkSuspendBudget(unit: Unit, source: JsonSource): Diagnostic[] {
  const worst = unitWorstCase(unit);
  if (worst.length <= SCORM12_SUSPEND_DATA_LIMIT) return [];
  const pointers = new Map([...unitEntities(unit)].map((e) => [e.id, e.pointer]));
  const biggest = worst.parts.find((p) => p.kind !== "progress") ?? worst.parts[0]!;
  const pointer = biggest.kind === "reflection" ? `${pointers.get(biggest.id)}/maxLength` : (pointers.get(biggest.id) ?? "");
  const at: Place = { file: source.file, pointer, loc: source.locate(pointer) };
  const reflections = unit.sections.flatMap((s) => s.blocks).filter((b) => b.kind === "reflection");
  const top = worst.parts.filter((p) => p.kind !== "progress").slice(0, 3);
  return [
    diagnostics.suspendDataBudget(at, {
      length: worst.length,
      limit: SCORM12_SUSPEND_DATA_LIMIT,
      over: worst.length - SCORM12_SUSPEND_DATA_LIMIT,
      biggest: top.map((p) => ({ id: p.id, kind: p.kind, chars: p.chars })),
      reflectionLengths: reflections.map((r) => (r.kind === "reflection" ? (r.maxLength ?? DEFAULT_REFLECTION_LENGTH) : 0)),
    }),
  ];
}
