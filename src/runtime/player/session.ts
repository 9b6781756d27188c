import type { PlayerData } from "../../shared/player-data.js";
import type { AnswerRecord, ResumeState } from "../../shared/tracking-types.js";
import { awardProgress, pointsOf, type GameNews } from "../game/game-rules.js";
import type { Tracker } from "../tracking/tracker.js";
import { finalResult } from "./unit-result.js";

/** How soon a change must reach the LMS: "now" for a step (an answer, a page), "soon" while typing. */
export type SaveTiming = "now" | "soon";

/**
 * The learner's progress during one launch: the only place the state changes. Each change awards what it
 * earns, tells the view, and saves through the tracker; the unit's result is reported once it is final.
 */
export interface Session {
  readonly state: ResumeState;
  /** The rules and texts of the language on screen. */
  data: PlayerData;
  readonly tracker: Tracker;
  change(mutate: (state: ResumeState) => void, timing?: SaveTiming): void;
  /** Records answers, then saves: the answers become durable with the same commit. */
  record(answers: AnswerRecord[], mutate: (state: ResumeState) => void): void;
  onNews(listener: (news: GameNews) => void): () => void;
  points(): number;
  /** Saves at once anything waiting for the typing pause. */
  flush(): void;
}

const TYPING_PAUSE_MS = 1200;

export function createSession(data: PlayerData, state: ResumeState, tracker: Tracker): Session {
  let points = pointsOf(state, data);
  let reported = "";
  let timer: number | undefined;
  const listeners = new Set<(news: GameNews) => void>();

  const reportResult = () => {
    const result = finalResult(state, session.data);
    const key = JSON.stringify(result ?? null);
    if (!result || key === reported) return;
    reported = key;
    void tracker.finish(result);
  };
  const save = () => {
    window.clearTimeout(timer);
    timer = undefined;
    void tracker.save(state);
    reportResult();
  };
  const apply = (mutate: (state: ResumeState) => void) => {
    mutate(state);
    const news = awardProgress(state, session.data, points);
    points = news.points;
    for (const listener of listeners) listener(news);
    return news;
  };

  const session: Session = {
    state,
    data,
    tracker,
    change(mutate, timing = "now") {
      const news = apply(mutate);
      if (timing === "now" || news.newBadges.length || news.levelUp) save();
      else {
        window.clearTimeout(timer);
        timer = window.setTimeout(save, TYPING_PAUSE_MS);
      }
    },
    record(answers, mutate) {
      for (const answer of answers) void tracker.recordAnswer(answer);
      apply(mutate);
      save();
    },
    onNews(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    points: () => points,
    flush() {
      if (timer !== undefined) save();
    },
  };
  return session;
}
