import { FILL_IN_MAX_LENGTH, NUMERIC_MAX_LENGTH, type PlayerData, type QuestionRules, type ScenarioNodeRules } from "../player-data.js";

/**
 * The unit's id lists the saved state points into by position. Built from the PlayerData of any of the
 * unit's languages: ids do not change with the language, so neither does the layout.
 */
export interface StateLayout {
  languages: string[];
  pages: string[];
  badges: string[];
  reflections: { id: string; maxLength: number }[];
  selfAssessments: { id: string; statements: string[]; scale: number[] }[];
  scenarios: { id: string; start: string; nodes: ScenarioNodeRules[] }[];
  sortings: { id: string; items: string[]; categories: string[] }[];
  matchings: { id: string; pairs: string[] }[];
  /** maxPoints: the most points one attempt can earn (the `draw` questions worth most). */
  quizzes: { id: string; draw: number; shuffle: boolean; attempts: number; maxPoints: number; questions: LayoutQuestion[] }[];
}

export type LayoutQuestion =
  | { id: string; answer: "one" | "many"; options: string[] }
  | { id: string; answer: "trueFalse" }
  | { id: string; answer: "pairs" | "order"; options: string[] }
  | { id: string; answer: "text"; maxLength: number };

function layoutQuestion(q: QuestionRules): LayoutQuestion {
  switch (q.type) {
    case "singleChoice":
      return { id: q.id, answer: "one", options: q.options };
    case "multipleResponse":
      return { id: q.id, answer: "many", options: q.options };
    case "trueFalse":
      return { id: q.id, answer: "trueFalse" };
    case "matching":
      return { id: q.id, answer: "pairs", options: q.pairs };
    case "sequencing":
      return { id: q.id, answer: "order", options: q.order };
    case "fillIn":
      return { id: q.id, answer: "text", maxLength: FILL_IN_MAX_LENGTH };
    case "numeric":
      return { id: q.id, answer: "text", maxLength: NUMERIC_MAX_LENGTH };
  }
}

export function stateLayout(data: Pick<PlayerData, "unit" | "pages" | "blocks" | "gamification">): StateLayout {
  const layout: StateLayout = {
    languages: data.unit.languages,
    pages: data.pages.map((p) => p.id),
    badges: data.gamification.badges.map((b) => b.id),
    reflections: [],
    selfAssessments: [],
    scenarios: [],
    sortings: [],
    matchings: [],
    quizzes: [],
  };
  for (const b of data.blocks) {
    if (b.kind === "reflection") layout.reflections.push({ id: b.id, maxLength: b.maxLength });
    else if (b.kind === "selfAssessment") layout.selfAssessments.push({ id: b.id, statements: b.statements, scale: b.scale.map((s) => s.value) });
    else if (b.kind === "scenario") layout.scenarios.push({ id: b.id, start: b.start, nodes: b.nodes });
    else if (b.kind === "sorting") layout.sortings.push({ id: b.id, items: b.items.map((i) => i.id), categories: b.categories });
    else if (b.kind === "matching") layout.matchings.push({ id: b.id, pairs: b.pairs });
    else if (b.kind === "quiz") {
      const maxPoints = b.questions.map((q) => q.points).sort((x, y) => y - x).slice(0, b.draw).reduce((sum, p) => sum + p, 0);
      layout.quizzes.push({ id: b.id, draw: b.draw, shuffle: b.shuffle, attempts: b.attempts, maxPoints, questions: b.questions.map(layoutQuestion) });
    }
  }
  return layout;
}

/**
 * A short fingerprint of the layout. Saved state from a unit whose structure changed (blocks added,
 * options reordered) would be misread position by position, so it is set aside instead.
 */
export function layoutFingerprint(layout: StateLayout): string {
  const shape = JSON.stringify([
    layout.pages, layout.badges, layout.reflections.map((r) => r.id),
    layout.selfAssessments.map((s) => [s.id, s.statements, s.scale]),
    layout.scenarios.map((s) => [s.id, s.start, s.nodes.map((n) => [n.id, n.choices.map((c) => c.id)])]),
    layout.sortings, layout.matchings,
    layout.quizzes.map((q) => [q.id, q.draw, q.shuffle, q.questions.map((x) => [x.id, x.answer, "options" in x ? x.options : []])]),
  ]);
  let h = 2166136261;
  for (let i = 0; i < shape.length; i++) h = Math.imul(h ^ shape.charCodeAt(i), 16777619);
  return ((h >>> 0) % 36 ** 4).toString(36).padStart(4, "0");
}
