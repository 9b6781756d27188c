import type { AnswerRecord, ResumeState, UnitResult } from "../../shared/tracking-types.js";
import { emptyResumeState } from "../../shared/tracking-types.js";
import { SCORM12_SUSPEND_DATA_LIMIT } from "../../shared/state/worst-case.js";
import { cmiTimespan } from "./cmi-timespan.js";
import { neverThrowing, type Scorm12Api } from "./scorm12-api.js";
import { interactionValues } from "./scorm12-interactions.js";
import { createDeviceCopyStore, replayValues, type DeviceCopyStore } from "./scorm12-device-copy.js";
import { createScorm12Queue } from "./scorm12-queue.js";
import type { StateCodec, Tracker, TrackerHooks } from "./tracker.js";

/** A 0–100 score as CMIDecimal: at most two decimals, and 0 written as "0" (a real score, not "no score"). */
export const cmiScore = (score: number) => String(Math.round(Math.max(0, Math.min(100, score)) * 100) / 100);

/**
 * SCORM 1.2 RTE: talks to the LMS's API object; every rule of the standard stays in this file and its
 * helpers. What the LMS has not committed yet is also kept in this browser (scorm12-device-copy.ts), so
 * a tab closed while the LMS cannot save loses nothing: the next launch hands it to the LMS.
 */
export function createScorm12Tracker(lmsApi: Scorm12Api, unitKey: string, codec: StateCodec, hooks: TrackerHooks): Tracker {
  const api = neverThrowing(lmsApi);
  const startedAt = Date.now();
  let copyStore: DeviceCopyStore | undefined;
  /** Set since the last LMSCommit that succeeded, and the LMS's suspend_data they were set on. */
  const uncommitted = new Map<string, string>();
  let committedSuspend = "";
  let failing = false;
  const keepCopy = () => !!copyStore?.write({ base: committedSuspend, values: [...uncommitted] });
  const queue = createScorm12Queue(api, {
    log: hooks.log,
    onStatus(status) {
      failing = status === "retrying";
      hooks.onSaveStatus(failing ? (keepCopy() ? "on-device" : "retrying") : "saved");
    },
    onCommitted() {
      uncommitted.clear();
      committedSuspend = last.suspend;
      copyStore?.clear();
    },
  });
  const set = (element: string, value: string) => {
    uncommitted.set(element, value);
    queue.set(element, value);
    if (failing) keepCopy();
  };
  const get = (element: string) => String(api.LMSGetValue(element) ?? "");
  let terminated = false;
  let interactions = 0;
  let language: string | undefined;
  let masteryScore: number | undefined;
  const last = { suspend: "", location: "", language: "" };

  return {
    standard: "scorm12",
    async start() {
      if (String(api.LMSInitialize("")) !== "true") hooks.log(`LMSInitialize failed: ${api.LMSGetLastError()}`);
      // Per learner: two people may share a browser.
      copyStore = createDeviceCopyStore(`skillpack:scorm12:${unitKey}:${get("cmi.core.student_id")}`, hooks.log);
      last.suspend = committedSuspend = get("cmi.suspend_data");
      last.location = get("cmi.core.lesson_location");
      // MDL-STATUS-1: Moodle turns a SCO still "not attempted" at LMSFinish into "completed"; say "incomplete" at once.
      const status = get("cmi.core.lesson_status");
      if (status === "not attempted" || status === "") set("cmi.core.lesson_status", "incomplete");
      // cmi.core.exit = suspend while unfinished, so the LMS hands the state back next time (entry = resume).
      set("cmi.core.exit", "suspend");
      // RTE-DM-1: interactions are a journal; new ones go at index _count, with no gaps.
      interactions = Number(get("cmi.interactions._count")) || 0;
      language = get("cmi.student_preference.language") || undefined;
      // From adlcp:masteryscore; Moodle judges passed/failed by it at LMSFinish (MDL-STATUS-2), so the player does too.
      const mastery = get("cmi.student_data.mastery_score");
      if (mastery !== "" && Number(mastery) >= 0 && Number(mastery) <= 100) masteryScore = Number(mastery);
      // What an earlier session could not hand over, while the LMS still holds what it was based on.
      const copy = copyStore.read();
      if (copy && copy.base === last.suspend) {
        hooks.log(`progress kept in this browser since the LMS last saved is handed to it now (${copy.values.length} values)`);
        for (const [element, value] of replayValues(copy, interactions)) {
          if (element.startsWith("cmi.interactions.")) interactions = Math.max(interactions, Number(element.split(".")[2]) + 1);
          if (element === "cmi.suspend_data") last.suspend = value;
          if (element === "cmi.core.lesson_location") last.location = value;
          set(element, value);
        }
      } else if (copy) copyStore.clear();
      queue.commit();
      if (!last.suspend) return last.location ? emptyResumeState(last.location) : undefined;
      const state = codec.decode(last.suspend);
      return state ?? (last.location ? emptyResumeState(last.location) : undefined);
    },
    preferredLanguage: () => language,
    passMark: () => masteryScore,
    async save(state: ResumeState) {
      if (terminated) return;
      // SCORM 1.2 RTE: cmi.suspend_data is CMIString4096; the codec cuts rather than ever going over.
      const suspend = codec.encode(state, SCORM12_SUSPEND_DATA_LIMIT);
      if (suspend !== last.suspend) set("cmi.suspend_data", (last.suspend = suspend));
      // cmi.core.lesson_location is CMIString255.
      const location = state.page.slice(0, 255);
      if (location !== last.location) set("cmi.core.lesson_location", (last.location = location));
      if (state.language && state.language !== last.language && state.language !== language) {
        set("cmi.student_preference.language", (last.language = state.language));
        language = state.language;
      }
      queue.commit();
    },
    async recordAnswer(answer: AnswerRecord) {
      if (terminated) return;
      const fields = interactionValues(answer, new Date());
      if (!fields.length) return;
      const n = interactions++;
      for (const [field, value] of fields) set(`cmi.interactions.${n}.${field}`, value);
    },
    async finish(result: UnitResult) {
      if (terminated) return;
      // MDL-STATUS-2: Moodle recomputes the status from score.raw at LMSFinish, so the score is only sent
      // now that the quiz is over. min/max first: a 0–100 scale, as Moodle grades raw as it is.
      if (result.score !== undefined) {
        set("cmi.core.score.min", "0");
        set("cmi.core.score.max", "100");
        set("cmi.core.score.raw", cmiScore(result.score));
      }
      const status = result.passed === undefined ? (result.completed ? "completed" : "incomplete") : result.passed ? "passed" : "failed";
      set("cmi.core.lesson_status", status);
      // Finished: a normal exit. Unfinished learners keep "suspend".
      if (result.completed) set("cmi.core.exit", "");
      queue.commit();
    },
    flush() {
      // The page is being hidden (tab switched, phone locked): it may never come back, so commit now.
      if (!terminated) queue.commit();
    },
    terminate() {
      if (terminated) return;
      terminated = true;
      // cmi.core.session_time is this session only (MDL-TIME-1: the LMS adds it to total_time at LMSFinish).
      set("cmi.core.session_time", cmiTimespan(Date.now() - startedAt));
      queue.commit();
      if (!queue.drain()) hooks.log("some progress could not be saved before the page closed");
      queue.close();
      // RTE-FN-2: LMSFinish exactly once.
      if (String(api.LMSFinish("")) !== "true") hooks.log(`LMSFinish failed: ${api.LMSGetLastError()}`);
    },
  };
}
