import type { Unit } from "./unit-types.js";

/** An object with a unit-wide id: where it is, and for blocks and questions what kind it is. */
export interface UnitEntity {
  id: string;
  pointer: string;
  kind?: string;
}

/**
 * Every object whose id is unique across the unit, in document order. These ids are the learner's
 * bookmark keys, the LMS interaction ids and the stems of translation keys, so they must never collide.
 */
export function* unitEntities(unit: Unit): Generator<UnitEntity> {
  for (const [i, o] of unit.outcomes.entries()) yield { id: o.id, pointer: `/outcomes/${i}` };
  for (const [i, g] of (unit.glossary ?? []).entries()) yield { id: g.id, pointer: `/glossary/${i}` };
  for (const [s, section] of unit.sections.entries()) {
    yield { id: section.id, pointer: `/sections/${s}`, kind: "section" };
    for (const [b, block] of section.blocks.entries()) {
      const pointer = `/sections/${s}/blocks/${b}`;
      yield { id: block.id, pointer, kind: block.kind };
      if (block.kind === "quiz")
        for (const [q, question] of block.questions.entries()) yield { id: question.id, pointer: `${pointer}/questions/${q}`, kind: "question" };
    }
  }
  for (const [i, l] of (unit.gamification?.levels ?? []).entries()) yield { id: l.id, pointer: `/gamification/levels/${i}` };
  for (const [i, b] of (unit.gamification?.badges ?? []).entries()) yield { id: b.id, pointer: `/gamification/badges/${i}` };
}
