import type { BlockRules, BlockRulesOf, PlayerData } from "../../shared/player-data.js";
import type { ResumeState } from "../../shared/tracking-types.js";
import type { Criterion } from "../../shared/unit-types.js";
import { isPass } from "../quiz/scoring.js";

type Rules = Pick<PlayerData, "pages" | "blocks" | "gamification">;

const blocksOf = <K extends BlockRules["kind"]>(data: Rules, kind: K) => data.blocks.filter((b): b is BlockRulesOf<K> => b.kind === kind);
const hasText = (text: string | undefined) => (text ?? "").trim().length > 0;

/**
 * Points follow from the state, never kept beside it, so a resumed learner has exactly the points they
 * left with: pages read, reflections written, the best run of each scenario, the best check of each
 * activity and the best attempt of each quiz.
 */
export function pointsOf(state: ResumeState, data: Rules): number {
  const g = data.gamification;
  let points = data.pages.filter((p) => state.visited.includes(p.id)).length * g.pointsPerPage;
  for (const r of blocksOf(data, "reflection")) if (hasText(state.reflections[r.id])) points += g.pointsPerReflection;
  for (const s of blocksOf(data, "scenario")) points += state.scenarios[s.id]?.bestPoints ?? 0;
  for (const s of blocksOf(data, "sorting")) points += (state.sortings[s.id]?.bestRight ?? 0) * s.points;
  for (const m of blocksOf(data, "matching")) points += (state.matchings[m.id]?.bestRight ?? 0) * m.points;
  for (const q of blocksOf(data, "quiz")) points += state.quizzes[q.id]?.bestPoints ?? 0;
  return points;
}

/** The position of the highest level reached, or -1 when the unit has no levels. */
export function levelIndexOf(points: number, data: Rules): number {
  let index = -1;
  data.gamification.levels.forEach((level, i) => {
    if (points >= level.minPoints) index = i;
  });
  return index;
}

export function quizPassed(state: ResumeState, quiz: BlockRulesOf<"quiz">): boolean {
  const best = state.quizzes[quiz.id]?.bestScore;
  return best !== undefined && isPass(best, quiz.passMark);
}

export function criterionMet(criterion: Criterion, state: ResumeState, data: Rules, points: number): boolean {
  const block = (id: string) => data.blocks.find((b) => b.id === id);
  switch (criterion.type) {
    case "scenarioOutcome":
      return state.scenarios[criterion.scenario]?.outcomes.includes(criterion.outcome) ?? false;
    case "quizPassed":
    case "quizPassedFirstAttempt": {
      const quiz = block(criterion.quiz);
      if (quiz?.kind !== "quiz" || !quizPassed(state, quiz)) return false;
      // A passed quiz takes no more attempts, so "first attempt" is exactly one attempt used.
      return criterion.type === "quizPassed" || state.quizzes[quiz.id]?.attempts === 1;
    }
    case "activityPerfect": {
      const activity = block(criterion.activity);
      if (activity?.kind === "sorting") return state.sortings[activity.id]?.bestRight === activity.items.length;
      if (activity?.kind === "matching") return state.matchings[activity.id]?.bestRight === activity.pairs.length;
      return false;
    }
    case "allReflections": {
      const reflections = blocksOf(data, "reflection");
      return reflections.length > 0 && reflections.every((r) => hasText(state.reflections[r.id]));
    }
    case "selfAssessmentTwice": {
      const sa = state.selfAssessments[criterion.selfAssessment];
      return !!(sa?.before?.done && sa.after?.done);
    }
    case "pointsAtLeast":
      return points >= criterion.points;
  }
}

export interface GameNews {
  points: number;
  levelIndex: number;
  /** Badges earned by this change, by id. */
  newBadges: string[];
  /** Set when the level went up with this change. */
  levelUp: boolean;
}

/** Awards what the state now earns: badges are added to the state (kept once earned); the level follows the points. */
export function awardProgress(state: ResumeState, data: Rules, pointsBefore: number): GameNews {
  const points = pointsOf(state, data);
  const newBadges: string[] = [];
  for (const badge of data.gamification.badges) {
    if (!state.badges.includes(badge.id) && criterionMet(badge.criterion, state, data, points)) {
      state.badges.push(badge.id);
      newBadges.push(badge.id);
    }
  }
  const levelIndex = levelIndexOf(points, data);
  return { points, levelIndex, newBadges, levelUp: levelIndex > levelIndexOf(pointsBefore, data) };
}
