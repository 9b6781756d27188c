import type { PlayerData } from "../../../shared/player-data.js";
import type { ResumeState } from "../../../shared/tracking-types.js";
import { levelIndexOf, pointsOf } from "../../game/game-rules.js";

/** What a save tells the LRS beyond the state itself: each is one statement. */
export type JourneyEvent =
  | { kind: "page"; page: string }
  | { kind: "progress"; percent: number }
  | { kind: "badge"; badge: string }
  | { kind: "level"; level: string; points: number }
  | { kind: "selfAssessment"; block: string; phase: "before" | "after"; values: number[] };

type Rules = Pick<PlayerData, "pages" | "blocks" | "gamification">;

interface Seen {
  page?: string;
  visited: number;
  badges: Set<string>;
  level: number;
  selfAssessments: Set<string>;
}

/**
 * Compares each saved state with the last one and names what happened in between: a page opened, more
 * of the unit seen, a badge earned, a level reached, a self-assessment taken. The player hands the same
 * state object each time, so what was seen is copied, never referenced. It starts from the resumed
 * state: a relaunch does not announce again what the learner had before.
 */
export function createJourneyWatcher(rules: Rules, start: ResumeState | undefined) {
  const sectionIds = new Set(rules.pages.map((p) => p.id));
  const doneSelfAssessments = (state: ResumeState) =>
    Object.entries(state.selfAssessments).flatMap(([id, sa]) => (["before", "after"] as const).filter((phase) => sa[phase]?.done).map((phase) => `${id}.${phase}`));
  const visitedSections = (state: ResumeState) => state.visited.filter((id) => sectionIds.has(id)).length;
  const levelOf = (state: ResumeState) => levelIndexOf(pointsOf(state, rules), rules);
  const seen: Seen = start
    ? { visited: visitedSections(start), badges: new Set(start.badges), level: levelOf(start), selfAssessments: new Set(doneSelfAssessments(start)) }
    : { visited: 0, badges: new Set(), level: levelIndexOf(0, rules), selfAssessments: new Set() }; // the first level is where everyone starts

  return {
    next(state: ResumeState): JourneyEvent[] {
      const events: JourneyEvent[] = [];
      if (state.page !== seen.page && sectionIds.has(state.page)) events.push({ kind: "page", page: state.page });
      seen.page = state.page;
      const visited = visitedSections(state);
      if (visited > seen.visited && rules.pages.length) events.push({ kind: "progress", percent: Math.min(100, Math.round((visited / rules.pages.length) * 100)) });
      seen.visited = Math.max(seen.visited, visited);
      // What the learner did comes before what it earned them.
      for (const key of doneSelfAssessments(state))
        if (!seen.selfAssessments.has(key)) {
          seen.selfAssessments.add(key);
          const [block, phase] = [key.slice(0, key.lastIndexOf(".")), key.slice(key.lastIndexOf(".") + 1) as "before" | "after"];
          const values = (state.selfAssessments[block]?.[phase]?.values ?? []).filter((v): v is number => typeof v === "number");
          events.push({ kind: "selfAssessment", block, phase, values });
        }
      for (const badge of state.badges)
        if (!seen.badges.has(badge)) {
          seen.badges.add(badge);
          events.push({ kind: "badge", badge });
        }
      const points = pointsOf(state, rules);
      const level = levelIndexOf(points, rules);
      if (level > seen.level && level >= 0) {
        // A jump over several levels names the highest: that is the level the learner is now at.
        events.push({ kind: "level", level: rules.gamification.levels[level]!.id, points });
        seen.level = level;
      }
      return events;
    },
  };
}
