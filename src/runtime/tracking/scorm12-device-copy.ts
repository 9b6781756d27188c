import { storedJson } from "./stored-json.js";

/**
 * What a SCORM 1.2 LMS has not committed yet, kept in this browser. Moodle's API takes LMSSetValue
 * locally and loses it all if LMSCommit and LMSFinish fail and the tab closes; this copy brings it
 * back on the next launch. It applies only while the LMS still holds the suspend_data it was made on
 * top of: if the LMS has moved on (another device, or the commit got through after all), the LMS wins.
 */
export interface DeviceCopy {
  /** The LMS's cmi.suspend_data when the first of these values was set. */
  base: string;
  /** Every element set since the last LMSCommit that succeeded, in the order first set; the latest value of each. */
  values: [string, string][];
}

export interface DeviceCopyStore {
  read(): DeviceCopy | undefined;
  /** false when the browser would not keep it (storage blocked or full). */
  write(copy: DeviceCopy): boolean;
  clear(): void;
}

/** Elements the next session sets for itself: replaying them would misreport that session. */
const SESSION_ONLY = new Set(["cmi.core.session_time", "cmi.core.exit"]);

/**
 * The copy's values as they should be set in a new session: interactions renumbered from `nextInteraction`
 * (RTE-DM-1: a journal written at _count, without gaps), per-session elements left out.
 */
export function replayValues(copy: DeviceCopy, nextInteraction: number): [string, string][] {
  const renumbered = new Map<string, number>();
  const out: [string, string][] = [];
  for (const [element, value] of copy.values) {
    if (SESSION_ONLY.has(element)) continue;
    const interaction = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(element);
    if (!interaction) {
      out.push([element, value]);
      continue;
    }
    if (!renumbered.has(interaction[1]!)) renumbered.set(interaction[1]!, nextInteraction + renumbered.size);
    out.push([`cmi.interactions.${renumbered.get(interaction[1]!)}.${interaction[2]}`, value]);
  }
  return out;
}

const isDeviceCopy = (value: unknown): value is DeviceCopy =>
  typeof value === "object" && value !== null && typeof (value as DeviceCopy).base === "string" && Array.isArray((value as DeviceCopy).values);

export function createDeviceCopyStore(key: string, log: (message: string) => void): DeviceCopyStore {
  const stored = storedJson(key, isDeviceCopy);
  return {
    read: stored.read,
    write(copy) {
      const failure = stored.write(copy);
      if (failure) log(`progress the LMS has not taken yet cannot be kept in this browser: ${failure}`);
      return !failure;
    },
    clear: stored.clear,
  };
}
