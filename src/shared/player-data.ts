import type { Criterion, QuizQuestion, Unit, UnitBlock } from "./unit-types.js";
import type { UiStrings } from "./ui-strings.js";

/**
 * What the build hands the browser player beside the rendered HTML: the rules it needs to score, award
 * and track, keyed by the unit's ids. Lists keep the unit's order (never objects keyed by id: JavaScript
 * puts integer-like keys first), because the saved state refers to items by their position in them.
 * Texts appear here only where the player shows them itself.
 */
export interface PlayerData {
  unit: { id: string; version: string; title: string; language: string; languages: string[] };
  /** The languages this package carries, first the one it opens in; the player offers a switch when there are several. */
  packageLanguages: string[];
  pages: { id: string; title: string }[];
  blocks: BlockRules[];
  gamification: {
    pointsPerPage: number;
    pointsPerReflection: number;
    levels: { id: string; name: string; minPoints: number }[];
    badges: { id: string; name: string; description: string; icon?: string; criterion: Criterion }[];
  };
  ui: UiStrings;
}

export type QuestionRules =
  | { id: string; type: "singleChoice" | "multipleResponse"; points: number; options: string[]; correct: string[] }
  | { id: string; type: "trueFalse"; points: number; answer: boolean }
  | { id: string; type: "matching"; points: number; pairs: string[] }
  | { id: string; type: "sequencing"; points: number; order: string[] }
  | { id: string; type: "fillIn"; points: number; accept: string[] }
  | { id: string; type: "numeric"; points: number; answer: number; tolerance: number };

export interface ScenarioNodeRules {
  id: string;
  outcome?: "best" | "good" | "poor";
  choices: { id: string; next: string; points: number }[];
}

export interface SelfAssessmentBand {
  id: string;
  min: number;
  max: number;
  label: string;
  /** Safe HTML rendered by the build from the band's Markdown. */
  feedbackHtml: string;
}

export type BlockRules =
  | { kind: "reflection"; id: string; page: string; maxLength: number }
  | { kind: "scenario"; id: string; page: string; start: string; nodes: ScenarioNodeRules[] }
  | { kind: "sorting"; id: string; page: string; points: number; categories: string[]; items: { id: string; category: string }[] }
  | { kind: "matching"; id: string; page: string; points: number; pairs: string[] }
  | { kind: "selfAssessment"; id: string; page: string; statements: string[]; scale: { value: number; label: string }[]; bands: SelfAssessmentBand[] }
  | { kind: "selfAssessmentRetake"; id: string; page: string; of: string }
  | { kind: "quiz"; id: string; page: string; passMark: number; draw: number; shuffle: boolean; attempts: number; questions: QuestionRules[] };

export type BlockRulesOf<K extends BlockRules["kind"]> = Extract<BlockRules, { kind: K }>;

/** The longest answer a learner can type into a fill-in or numeric question (the inputs' maxlength). */
export const FILL_IN_MAX_LENGTH = 100;
export const NUMERIC_MAX_LENGTH = 20;
/** A reflection's maxLength when the unit gives none (the schema's default). */
export const DEFAULT_REFLECTION_LENGTH = 280;

function questionRules(q: QuizQuestion): QuestionRules {
  const points = q.points ?? 1;
  switch (q.type) {
    case "singleChoice":
    case "multipleResponse":
      return { id: q.id, type: q.type, points, options: q.options.map((o) => o.id), correct: q.options.filter((o) => o.correct).map((o) => o.id) };
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
  const { id } = block;
  switch (block.kind) {
    case "reflection":
      return { kind: "reflection", id, page, maxLength: block.maxLength ?? DEFAULT_REFLECTION_LENGTH };
    case "scenario":
      return {
        kind: "scenario", id, page, start: block.start,
        nodes: block.nodes.map((n) => ({
          id: n.id,
          ...(n.outcome ? { outcome: n.outcome } : {}),
          choices: (n.choices ?? []).map((c) => ({ id: c.id, next: c.next, points: c.points ?? 0 })),
        })),
      };
    case "sorting":
      return {
        kind: "sorting", id, page, points: block.points ?? 1,
        categories: block.categories.map((c) => c.id), items: block.items.map((i) => ({ id: i.id, category: i.category })),
      };
    case "matching":
      return { kind: "matching", id, page, points: block.points ?? 1, pairs: block.pairs.map((p) => p.id) };
    case "selfAssessment":
      return {
        kind: "selfAssessment", id, page, statements: block.statements.map((s) => s.id), scale: block.scale.map((s) => ({ value: s.value, label: s.label })),
        bands: block.bands.map((b) => ({ id: b.id, min: b.min, max: b.max, label: b.label, feedbackHtml: markdown(b.feedback) })),
      };
    case "selfAssessmentRetake":
      return { kind: "selfAssessmentRetake", id, page, of: block.selfAssessment };
    case "quiz":
      return {
        kind: "quiz", id, page, passMark: block.passMark, draw: Math.min(block.draw ?? block.questions.length, block.questions.length),
        shuffle: block.shuffle ?? true, attempts: block.attempts ?? 0, questions: block.questions.map(questionRules),
      };
    default:
      return undefined;
  }
}

/**
 * The player's rules for a unit in one language. `markdown` renders band feedback to safe HTML;
 * `packageLanguages` lists the languages the package carries (default: this one).
 */
export function playerData(
  unit: Unit,
  ui: UiStrings,
  markdown: (s: string) => string,
  assetUrl: (path: string) => string,
  packageLanguages: readonly string[] = [unit.language],
): PlayerData {
  const blocks: BlockRules[] = [];
  for (const section of unit.sections)
    for (const block of section.blocks) {
      const rules = blockRules(block, section.id, markdown);
      if (rules) blocks.push(rules);
    }
  const g = unit.gamification;
  return {
    unit: { id: unit.id, version: unit.version, title: unit.title, language: unit.language, languages: unit.languages },
    packageLanguages: [...packageLanguages],
    pages: unit.sections.map((s) => ({ id: s.id, title: s.title })),
    blocks,
    gamification: {
      pointsPerPage: g?.pointsPerPage ?? 0,
      pointsPerReflection: g?.pointsPerReflection ?? 0,
      levels: (g?.levels ?? []).map((l) => ({ id: l.id, name: l.name, minPoints: l.minPoints })),
      badges: (g?.badges ?? []).map((b) => ({ id: b.id, name: b.name, description: b.description, criterion: b.criterion, ...(b.icon ? { icon: assetUrl(b.icon) } : {}) })),
    },
    ui,
  };
}

/** The final quiz: the last one in the unit. Its pass mark is SCORM's masteryscore, its score the unit's. */
export function finalQuiz(data: Pick<PlayerData, "blocks">): BlockRulesOf<"quiz"> | undefined {
  const quizzes = data.blocks.filter((b): b is BlockRulesOf<"quiz"> => b.kind === "quiz");
  return quizzes[quizzes.length - 1];
}
