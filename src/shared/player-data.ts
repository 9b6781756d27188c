import type { Criterion, QuizQuestion, Unit, UnitBlock } from "./unit-types.js";
import type { UiStrings } from "./ui-strings.js";

/**
 * What the build hands the browser player beside the rendered HTML: the rules it needs to score, award
 * and track, keyed by the unit's ids. Texts appear here only where the player shows them itself.
 */
export interface PlayerData {
  unit: { id: string; version: string; title: string; language: string; languages: string[] };
  pages: { id: string; title: string }[];
  blocks: Record<string, BlockRules>;
  gamification: {
    pointsPerPage: number;
    pointsPerReflection: number;
    levels: { id: string; name: string; minPoints: number }[];
    badges: { id: string; name: string; description: string; icon?: string; criterion: Criterion }[];
  };
  ui: UiStrings;
}

export type QuestionRules =
  | { id: string; type: "singleChoice" | "multipleResponse"; points: number; correct: string[] }
  | { id: string; type: "trueFalse"; points: number; answer: boolean }
  | { id: string; type: "matching"; points: number; pairs: string[] }
  | { id: string; type: "sequencing"; points: number; order: string[] }
  | { id: string; type: "fillIn"; points: number; accept: string[] }
  | { id: string; type: "numeric"; points: number; answer: number; tolerance: number };

export type BlockRules =
  | { kind: "reflection"; page: string; maxLength: number }
  | { kind: "scenario"; page: string; start: string; nodes: Record<string, { outcome?: string; choices: Record<string, { next: string; points: number }> }> }
  | { kind: "sorting"; page: string; points: number; items: Record<string, string> }
  | { kind: "matching"; page: string; points: number; pairs: string[] }
  | { kind: "selfAssessment"; page: string; statements: string[]; scale: number[]; bands: { id: string; min: number; max: number; label: string; feedbackHtml: string }[] }
  | { kind: "selfAssessmentRetake"; page: string; of: string }
  | { kind: "quiz"; page: string; passMark: number; draw: number; shuffle: boolean; attempts: number; questions: QuestionRules[] };

function questionRules(q: QuizQuestion): QuestionRules {
  const points = q.points ?? 1;
  switch (q.type) {
    case "singleChoice":
    case "multipleResponse":
      return { id: q.id, type: q.type, points, correct: q.options.filter((o) => o.correct).map((o) => o.id) };
    case "trueFalse":
      return { id: q.id, type: q.type, points, answer: q.answer };
    case "matching":
      return { id: q.id, type: q.type, points, pairs: q.pairs.map((p) => p.id) };
    case "sequencing":
      return { id: q.id, type: q.type, points, order: q.items.map((i) => i.id) };
    case "fillIn":
      return { id: q.id, type: q.type, points, accept: q.accept.map((a) => a.text) };
    case "numeric":
      return { id: q.id, type: q.type, points, answer: q.answer, tolerance: q.tolerance ?? 0 };
  }
}

function blockRules(block: UnitBlock, page: string, markdown: (s: string) => string): BlockRules | undefined {
  switch (block.kind) {
    case "reflection":
      return { kind: "reflection", page, maxLength: block.maxLength ?? 280 };
    case "scenario":
      return {
        kind: "scenario", page, start: block.start,
        nodes: Object.fromEntries(block.nodes.map((n) => [n.id, {
          ...(n.outcome ? { outcome: n.outcome } : {}),
          choices: Object.fromEntries((n.choices ?? []).map((c) => [c.id, { next: c.next, points: c.points ?? 0 }])),
        }])),
      };
    case "sorting":
      return { kind: "sorting", page, points: block.points ?? 1, items: Object.fromEntries(block.items.map((i) => [i.id, i.category])) };
    case "matching":
      return { kind: "matching", page, points: block.points ?? 1, pairs: block.pairs.map((p) => p.id) };
    case "selfAssessment":
      return {
        kind: "selfAssessment", page, statements: block.statements.map((s) => s.id), scale: block.scale.map((s) => s.value),
        bands: block.bands.map((b) => ({ id: b.id, min: b.min, max: b.max, label: b.label, feedbackHtml: markdown(b.feedback) })),
      };
    case "selfAssessmentRetake":
      return { kind: "selfAssessmentRetake", page, of: block.selfAssessment };
    case "quiz":
      return {
        kind: "quiz", page, passMark: block.passMark, draw: block.draw ?? block.questions.length, shuffle: block.shuffle ?? true,
        attempts: block.attempts ?? 0, questions: block.questions.map(questionRules),
      };
    default:
      return undefined;
  }
}

/** The player's rules for a unit in one language. `markdown` renders band feedback to safe HTML. */
export function playerData(unit: Unit, ui: UiStrings, markdown: (s: string) => string, assetUrl: (path: string) => string): PlayerData {
  const blocks: Record<string, BlockRules> = {};
  for (const section of unit.sections)
    for (const block of section.blocks) {
      const rules = blockRules(block, section.id, markdown);
      if (rules) blocks[block.id] = rules;
    }
  const g = unit.gamification;
  return {
    unit: { id: unit.id, version: unit.version, title: unit.title, language: unit.language, languages: unit.languages },
    pages: unit.sections.map((s) => ({ id: s.id, title: s.title })),
    blocks,
    gamification: {
      pointsPerPage: g?.pointsPerPage ?? 0,
      pointsPerReflection: g?.pointsPerReflection ?? 0,
      levels: g?.levels ?? [],
      badges: (g?.badges ?? []).map((b) => ({ id: b.id, name: b.name, description: b.description, criterion: b.criterion, ...(b.icon ? { icon: assetUrl(b.icon) } : {}) })),
    },
    ui,
  };
}
