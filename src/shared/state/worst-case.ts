import { MAX_SAVED_ATTEMPTS, STATE_VERSION } from "./state-codec.js";
import { SEED_LIMIT } from "./quiz-draw.js";
import type { LayoutQuestion, StateLayout } from "./state-layout.js";
import { bitsWidth, intWidth, textWidth } from "./state-text.js";

/** SCORM 1.2 RTE: cmi.suspend_data is a CMIString4096. */
export const SCORM12_SUSPEND_DATA_LIMIT = 4096;
/** What we aim for, so a unit has room to grow and slow LMSs have less to send. */
export const SUSPEND_DATA_TARGET = 2000;

export interface WorstCasePart {
  /** What takes the room: the unit's id of the block, or "progress" for pages, badges and the header. */
  id: string;
  kind: "progress" | "reflection" | "selfAssessment" | "scenario" | "sorting" | "matching" | "quiz";
  chars: number;
}

export interface WorstCase {
  length: number;
  /** Biggest first. */
  parts: WorstCasePart[];
}

/** The most characters one answer to this question can take in the saved state. */
export function maxAnswerWidth(q: LayoutQuestion): number {
  switch (q.answer) {
    case "one":
    case "trueFalse":
      return 1;
    case "many":
      return 2;
    case "pairs":
    case "order":
      return q.options.length;
    case "text":
      return textWidth(q.maxLength);
  }
}

/**
 * The longest saved state this unit can produce: every page seen, every badge earned, both
 * self-assessments taken, every scenario ending reached along its longest path, every card placed, every
 * quiz at its most attempts with the widest questions drawn and all answered, every reflection filled to
 * its maxLength. Computed from the same widths the encoder writes (a test checks them against it).
 */
export function worstCaseSuspendData(layout: StateLayout): WorstCase {
  const parts: WorstCasePart[] = [];
  const longestLanguage = Math.max(0, ...layout.languages.map((l) => l.length));
  parts.push({
    id: "progress",
    kind: "progress",
    chars: STATE_VERSION.length + 4 + longestLanguage + 1 + intWidth(layout.pages.length) + bitsWidth(layout.pages.length) + bitsWidth(layout.badges.length),
  });
  for (const sa of layout.selfAssessments) parts.push({ id: sa.id, kind: "selfAssessment", chars: 2 * (1 + sa.statements.length) });
  for (const s of layout.scenarios) {
    const bestPoints = s.nodes.reduce((sum, n) => sum + Math.max(0, ...n.choices.map((c) => c.points)), 0);
    // A path never visits a node twice (the player cuts loops), so it has at most nodes - 1 steps.
    const steps = Math.max(0, s.nodes.length - 1);
    parts.push({ id: s.id, kind: "scenario", chars: bitsWidth(3) + intWidth(bestPoints) + intWidth(steps) + steps });
  }
  for (const s of layout.sortings) parts.push({ id: s.id, kind: "sorting", chars: s.items.length + intWidth(s.items.length) });
  for (const m of layout.matchings) parts.push({ id: m.id, kind: "matching", chars: m.pairs.length + intWidth(m.pairs.length) });
  for (const q of layout.quizzes) {
    const draw = Math.min(q.draw, q.questions.length);
    const widest = q.questions.map(maxAnswerWidth).sort((a, b) => b - a).slice(0, draw);
    const answers = widest.reduce((sum, w) => sum + w, 0);
    const attempts = q.attempts > 0 ? Math.min(q.attempts, MAX_SAVED_ATTEMPTS) : MAX_SAVED_ATTEMPTS;
    const chars = intWidth(attempts) + intWidth(100 * 100) + intWidth(q.maxPoints) + 1 + intWidth(SEED_LIMIT - 1) + answers;
    parts.push({ id: q.id, kind: "quiz", chars });
  }
  for (const r of layout.reflections) parts.push({ id: r.id, kind: "reflection", chars: textWidth(r.maxLength) });
  const length = parts.reduce((sum, p) => sum + p.chars, 0);
  return { length, parts: parts.sort((a, b) => b.chars - a.chars) };
}
