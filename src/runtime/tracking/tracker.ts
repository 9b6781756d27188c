import type { AnswerRecord, ResumeState, TrackingStandard, UnitResult } from "../../shared/tracking-types.js";

/**
 * The one interface between the player and a tracking standard (DESIGN.md §2). The player never names a
 * standard; each adapter keeps its standard's formats and limits inside itself.
 */
export interface Tracker {
  readonly standard: TrackingStandard;
  /** Connect and read the bookmark; undefined on a first launch. */
  start(): Promise<ResumeState | undefined>;
  /** Progress and resume point. */
  save(state: ResumeState): Promise<void>;
  recordAnswer(answer: AnswerRecord): Promise<void>;
  /** Completion, success and score. */
  finish(result: UnitResult): Promise<void>;
  /** End the session: called once, when the page goes away. */
  terminate(): void;
}
