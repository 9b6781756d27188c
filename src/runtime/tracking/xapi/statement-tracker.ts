import type { Activity, Agent, Context, Result, ResultScore, Statement } from "@xapi/xapi";
import { finalQuiz, type PlayerData } from "../../../shared/player-data.js";
import type { AnswerRecord, ResumeState, UnitResult } from "../../../shared/tracking-types.js";
import { readPlayerData } from "../../player/read-player-data.js";
import type { VerbRules } from "../cmi5/verb-rules.js";
import { createSendQueue, type SendQueue } from "../send-queue/send-queue.js";
import type { ExitOutcome, StateCodec, Tracker, TrackerHooks } from "../tracker.js";
import { answerStatementParts, journeyStatementParts, type StatementParts } from "./journey-statements.js";
import { createJourneyWatcher } from "./journey-events.js";
import { isoDuration } from "./iso-duration.js";
import type { LrsConnection } from "./lrs-http.js";
import { createProgressMirror, newer, progressPath, readProgress, type ProgressDocument } from "./progress-document.js";
import { uuid4 } from "./uuid.js";
import { ACTIVITY_TYPES, VERBS, type VerbName } from "./vocabulary.js";

/** What the standard decides; the statements themselves are the same for xAPI and cmi5. */
export interface SessionRules extends VerbRules {
  /** The context of one statement, from the parts this tracker knows (cmi5: laid over the LMS's template). */
  context(verb: VerbName, own: Context, result: Result | undefined): Context;
  /** false when saved progress must not be written (cmi5 Browse and Review). */
  readonly writesState: boolean;
  /** The pass mark as a scaled score, when the LMS sets one (cmi5 LaunchData.masteryScore); else the unit's own. */
  readonly masteryScore?: number;
}

/** A launch, once connected: where to send, who the learner is, and the rules. */
export interface Connected {
  lrs: LrsConnection;
  actor: Agent;
  registration?: string;
  /** The launched activity: the object of the unit's own statements and the State API's activityId. */
  activityId: string;
  /** The IRI pages, questions and badges hang under; tincan.xml uses the same (`<base>/questions/<id>`). */
  activityBase: string;
  /** Added to context.contextActivities.grouping (TC-LAUNCH-3: the LMS's grouping). */
  grouping?: string;
  platform?: string;
  preferredLanguage?: string;
  /** Where the learner goes on exit (cmi5 LaunchData.returnURL). */
  returnUrl?: string;
  rules: SessionRules;
}

export interface StatementTrackerOptions {
  standard: "xapi" | "cmi5";
  connect(): Promise<Connected>;
  codec: StateCodec;
  hooks: TrackerHooks;
  doc: Document;
}

export interface StatementTracker extends Tracker {
  passMark(): number | undefined;
  exit(): Promise<ExitOutcome>;
}

/** How long a launch waits for what earlier launches left behind before it reads the saved state. */
const DRAIN_AT_START_MS = 3000;
/** How long an exit waits for the last statements before it leaves anyway (the outbox keeps them). */
const EXIT_WAIT_MS = 3000;

/** 0–100 with two decimals as an xAPI score; raw, min and max are integers (cmi5 §9.5.1). */
export function scoreOf(score: number): ResultScore {
  const bounded = Math.max(0, Math.min(100, score));
  return { scaled: Math.round(bounded * 100) / 10000, raw: Math.round(bounded), min: 0, max: 100 };
}

/**
 * A Tracker that reports through xAPI statements and keeps the resume state in the State API: the
 * statement shapes, the resume document and the queue are shared by the Tin Can and cmi5 adapters,
 * which differ in how they connect and in their SessionRules.
 */
export function createStatementTracker(options: StatementTrackerOptions): StatementTracker {
  const { codec, hooks, doc } = options;
  const primary = readPlayerData(doc);
  const cache = new Map<string, PlayerData>();
  const dataFor = (language: string | undefined): PlayerData | undefined => {
    if (!primary || !language || language === primary.unit.language) return primary;
    if (!cache.has(language)) cache.set(language, readPlayerData(doc, language) ?? primary);
    return cache.get(language);
  };
  let live: (Connected & { queue: SendQueue; path: string; mirror: ReturnType<typeof createProgressMirror> }) | undefined;
  let journey: ReturnType<typeof createJourneyWatcher> | undefined;
  let language = primary?.unit.language ?? "en";
  let lastState: ResumeState | undefined;
  let startedAt = Date.now();
  let ended = false;
  let readFailed = false;

  const unitActivity = (): Activity => {
    const data = dataFor(language);
    return {
      objectType: "Activity",
      id: live!.activityId,
      definition: { type: ACTIVITY_TYPES.unit, ...(data ? { name: { [language]: data.unit.title } } : {}) },
    };
  };

  function send(verb: VerbName, parts: Partial<StatementParts> = {}): void {
    if (!live || !live.rules.admit(verb)) return;
    const { object = unitActivity(), result, parent, category, extensions } = parts;
    const data = dataFor(language);
    const grouping = live.grouping ? [{ objectType: "Activity" as const, id: live.grouping }] : [];
    const own: Context = {
      ...(live.registration ? { registration: live.registration } : {}),
      contextActivities: {
        ...(parent ? { parent: [parent === true ? unitActivity() : parent] } : {}),
        ...(grouping.length ? { grouping } : {}),
        ...(category ? { category } : {}),
      },
      ...(data ? { revision: data.unit.version } : {}),
      platform: live.platform ?? "skillpack",
      language,
      ...(extensions ? { extensions } : {}),
    };
    if (!Object.keys(own.contextActivities!).length) delete own.contextActivities;
    const statement: Statement = {
      id: uuid4(),
      actor: live.actor,
      verb: VERBS[verb],
      object,
      ...(result ? { result } : {}),
      context: live.rules.context(verb, own, result),
      timestamp: new Date().toISOString(),
    };
    live.queue.statement(statement);
  }

  function writeProgress(state: ResumeState) {
    if (!live || !live.rules.writesState) return;
    const body: ProgressDocument = { state: codec.encode(state), reported: live.rules.reported(), savedAt: Date.now() };
    live.mirror.write(body);
    live.queue.putDocument(live.path, JSON.stringify(body));
  }

  async function restore(connected: Connected, queue: SendQueue, path: string, mirror: ReturnType<typeof createProgressMirror>): Promise<ProgressDocument | undefined> {
    // What earlier launches could not send goes first, so the saved state read next is the latest one.
    await queue.drain(DRAIN_AT_START_MS);
    let remote: ProgressDocument | undefined;
    try {
      remote = await readProgress(connected.lrs, path);
    } catch (error) {
      hooks.log(`the saved progress could not be read from the LRS (${(error as Error).message}); using this browser's copy`);
      readFailed = true;
      hooks.onSaveStatus("on-device");
    }
    return newer(remote, mirror.read());
  }

  /** The session's last statements; the queue goes on sending them. */
  function end() {
    if (!live || ended) return;
    // Leaving before the unit is done: the learner means to come back (ADL "suspended").
    if (!live.rules.reported().includes("completed")) send("suspended");
    send("terminated", { result: { duration: isoDuration(Date.now() - startedAt) } });
    ended = true;
  }

  const tracker: StatementTracker = {
    standard: options.standard,
    async start() {
      let connected: Connected;
      try {
        connected = await options.connect();
      } catch (error) {
        // Without a connection nothing can be kept: the learner still gets the unit, with the calm notice.
        hooks.log(`the ${options.standard} launch failed: ${(error as Error).message}`);
        hooks.onSaveStatus("not-connected");
        return undefined;
      }
      const path = progressPath(connected.activityId, connected.actor, connected.registration);
      const queue = createSendQueue({ lrs: connected.lrs, owner: uuid4(), log: hooks.log, onStatus: hooks.onSaveStatus });
      const mirror = createProgressMirror(connected.lrs, path);
      const saved = await restore(connected, queue, path, mirror);
      live = { ...connected, queue, path, mirror };
      if (saved) connected.rules.restore(saved.reported);
      const state = saved ? codec.decode(saved.state) : undefined;
      if (state?.language) language = state.language;
      journey = primary ? createJourneyWatcher(primary, state) : undefined;
      startedAt = Date.now();
      send("initialized");
      if (state) send("resumed");
      // The notice shown because the saved state could not be read goes once something gets through.
      if (readFailed) void queue.drain(60_000).then((sent) => sent && hooks.onSaveStatus("saved"));
      return state;
    },
    preferredLanguage: () => live?.preferredLanguage,
    async save(state) {
      if (!live || ended) return;
      if (state.language) language = state.language;
      lastState = state;
      const data = dataFor(language);
      if (journey && data)
        for (const event of journey.next(state)) {
          // cmi5 §9.5.5.1: no progress once the unit is completed in this registration.
          if (event.kind === "progress" && live.rules.reported().includes("completed")) continue;
          const parts = journeyStatementParts(event, { base: live.activityBase, language, data, doc });
          if (parts) send(parts.verb, parts);
        }
      writeProgress(state);
    },
    async recordAnswer(answer: AnswerRecord) {
      if (!live || ended) return;
      const data = dataFor(language);
      if (!data) return;
      const parts = answerStatementParts(answer, { base: live.activityBase, language, data, doc });
      if (parts) send("answered", parts);
    },
    async finish(result: UnitResult) {
      if (!live || ended) return;
      const duration = isoDuration(Date.now() - startedAt);
      if (result.completed) send("completed", { result: { completion: true, duration } });
      if (result.score !== undefined) {
        const score = scoreOf(result.score);
        // cmi5 §10 masteryScore: passed and failed follow the LMS's mastery score when it gives one.
        const mastery = live.rules.masteryScore;
        const quiz = primary ? finalQuiz(primary) : undefined;
        const passed = mastery !== undefined ? score.scaled >= mastery : (result.passed ?? (quiz ? result.score >= quiz.passMark : undefined));
        if (passed !== undefined)
          send(passed ? "passed" : "failed", { result: { score, success: passed, duration } });
      }
      if (lastState) writeProgress(lastState);
    },
    flush() {
      if (live && !ended) live.queue.flush();
    },
    terminate() {
      if (!live) return;
      end();
      live.queue.flush();
      live.queue.close();
    },
    passMark() {
      const mastery = live?.rules.masteryScore;
      return mastery === undefined ? undefined : Math.round(mastery * 10000) / 100;
    },
    async exit() {
      if (!live) return { sent: false };
      end();
      const sent = await live.queue.drain(EXIT_WAIT_MS);
      tracker.terminate();
      // cmi5 §10 returnURL: "the AU MUST redirect the current browser window to the returnURL when the AU is terminated".
      return { sent, ...(live.returnUrl ? { returnUrl: live.returnUrl } : {}) };
    },
  };
  return tracker;
}
