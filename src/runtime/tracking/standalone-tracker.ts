import type { ResumeState } from "../../shared/tracking-types.js";
import { decodeResumeState, encodeResumeState } from "../state/resume-codec.js";
import type { Tracker } from "./tracker.js";

/** Opened with no LMS: progress is kept in this browser's localStorage, per unit and version. */
export function createStandaloneTracker(storageKey: string): Tracker {
  const read = () => {
    try {
      return localStorage.getItem(storageKey);
    } catch {
      return null; // storage blocked (private mode, file:// in some browsers): the unit still plays
    }
  };
  const write = (value: string) => {
    try {
      localStorage.setItem(storageKey, value);
    } catch {
      /* as above */
    }
  };
  return {
    standard: "standalone",
    async start() {
      const data = read();
      return data ? decodeResumeState(data) : undefined;
    },
    async save(state: ResumeState) {
      write(encodeResumeState(state));
    },
    async recordAnswer() {},
    async finish() {},
    terminate() {},
  };
}
