import type { AnswerRecord, ResumeState, TrackingStandard, UnitResult } from "../../shared/tracking-types.js";

/**
 * The one interface between the player and a tracking standard (DESIGN.md §2). The player never names a
 * standard; each adapter keeps its standard's formats and limits inside itself.
 */
export interface Tracker {
  readonly standard: TrackingStandard;
  /** Connect and read the bookmark; undefined on a first launch (or when the saved state cannot be read). */
  start(): Promise<ResumeState | undefined>;
  /** The language the learner's platform prefers, known after start(). */
  preferredLanguage(): string | undefined;
  /** Progress and resume point; a meaningful step, so the adapter makes it durable now. */
  save(state: ResumeState): Promise<void>;
  /** One answered question; the player calls save() right after, which makes it durable. */
  recordAnswer(answer: AnswerRecord): Promise<void>;
  /** Completion, success and score, once they are final. */
  finish(result: UnitResult): Promise<void>;
  /** Push anything still waiting, now (the page is being hidden). */
  flush(): void;
  /** End the session: called once, when the page goes away. */
  terminate(): void;
}

/** The saved state as text, in and out; the adapter decides the limit. */
export interface StateCodec {
  encode(state: ResumeState, limit?: number): string;
  decode(text: string): ResumeState | undefined;
}

export interface TrackerHooks {
  log(message: string): void;
  /** true while progress cannot be saved (the player shows a calm notice), false once it is saved again. */
  onSaveProblem(failing: boolean): void;
}
