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
  /** The platform's pass mark for the unit's final quiz (0–100) when it sets its own; known after start(). */
  passMark?(): number | undefined;
  /**
   * The learner leaves through the player's Exit button: the session ends, what waits is sent (for a
   * while), and the platform says where the learner goes next. Only standards with a way back have it.
   */
  exit?(): Promise<ExitOutcome>;
}

export interface ExitOutcome {
  /** Where the platform wants the learner now (cmi5 returnURL); without it the player says the window can be closed. */
  returnUrl?: string;
  /** false when some progress is still kept only on this device, to be sent on the next launch. */
  sent: boolean;
}

/**
 * Where the learner's latest progress is: with the platform; kept on this device and sent when the
 * connection is back; neither yet, being retried; or nowhere, because the launch could not connect
 * (the learner is told to open the unit again from the platform).
 */
export type SaveStatus = "saved" | "on-device" | "retrying" | "not-connected";

/** The saved state as text, in and out; the adapter decides the limit. */
export interface StateCodec {
  encode(state: ResumeState, limit?: number): string;
  decode(text: string): ResumeState | undefined;
}

export interface TrackerHooks {
  log(message: string): void;
  /** Called when the status changes; the player shows a calm notice for anything but "saved". */
  onSaveStatus(status: SaveStatus): void;
}
