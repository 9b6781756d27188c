import type { AnswerRecord, ResumeState, UnitResult } from "../../shared/tracking-types.js";
import { decodeResumeState, encodeResumeState } from "../state/resume-codec.js";
import { cmiTimespan } from "./cmi-timespan.js";
import type { Scorm12Api } from "./scorm12-api.js";
import type { Tracker } from "./tracker.js";

/** SCORM 1.2 RTE: talks to the LMS's API object; every rule of the standard stays in this file. */
export function createScorm12Tracker(api: Scorm12Api, onError: (message: string) => void): Tracker {
  const startedAt = Date.now();
  let terminated = false;
  const set = (element: string, value: string) => {
    if (api.LMSSetValue(element, value) !== "true") onError(`LMSSetValue ${element} failed: ${api.LMSGetLastError()}`);
  };
  const commit = () => {
    if (api.LMSCommit("") !== "true") onError(`LMSCommit failed: ${api.LMSGetLastError()}`);
  };
  return {
    standard: "scorm12",
    async start() {
      if (api.LMSInitialize("") !== "true") onError(`LMSInitialize failed: ${api.LMSGetLastError()}`);
      // Moodle marks a SCO still "not attempted" at LMSFinish as completed (MDL-STATUS-1): claim "incomplete" at once.
      const status = api.LMSGetValue("cmi.core.lesson_status");
      if (status === "not attempted" || status === "") set("cmi.core.lesson_status", "incomplete");
      set("cmi.core.exit", "suspend");
      commit();
      const data = api.LMSGetValue("cmi.suspend_data");
      return data ? decodeResumeState(data) : undefined;
    },
    async save(state: ResumeState) {
      set("cmi.core.lesson_location", state.page.slice(0, 255));
      set("cmi.suspend_data", encodeResumeState(state));
      commit();
    },
    async recordAnswer(_answer: AnswerRecord) {
      // Interactions are reported by the full player (cmi.interactions.n.*); the core pipeline has no questions to report yet.
    },
    async finish(result: UnitResult) {
      if (result.score !== undefined) {
        set("cmi.core.score.min", "0");
        set("cmi.core.score.max", "100");
        set("cmi.core.score.raw", String(Math.round(result.score * 100) / 100));
      }
      const status = result.passed === undefined ? (result.completed ? "completed" : "incomplete") : result.passed ? "passed" : "failed";
      set("cmi.core.lesson_status", status);
      commit();
    },
    terminate() {
      if (terminated) return;
      terminated = true;
      set("cmi.core.session_time", cmiTimespan(Date.now() - startedAt));
      commit();
      api.LMSFinish("");
    },
  };
}
