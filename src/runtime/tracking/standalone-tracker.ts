import type { ResumeState } from "../../shared/tracking-types.js";
import type { StateCodec, Tracker } from "./tracker.js";

/** Opened with no LMS: progress is kept in this browser's localStorage, per unit and version. */
export function createStandaloneTracker(storageKey: string, codec: StateCodec, log: (message: string) => void): Tracker {
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
    } catch (error) {
      log(`progress could not be kept in this browser: ${(error as Error).message}`);
    }
  };
  return {
    standard: "standalone",
    async start() {
      const data = read();
      return data ? codec.decode(data) : undefined;
    },
    preferredLanguage: () => undefined,
    async save(state: ResumeState) {
      write(codec.encode(state));
    },
    async recordAnswer() {},
    async finish() {},
    flush() {},
    terminate() {},
  };
}
