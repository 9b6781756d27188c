import type { Agent } from "@xapi/xapi";
import { getJsonDocument, resourcePath, type LrsConnection } from "./lrs-http.js";
import { storedJson } from "../stored-json.js";

/**
 * Our own State API document: the same text SCORM keeps in cmi.suspend_data, with no 4096 limit
 * but just as small, plus the verbs already reported in this registration so a relaunch never repeats
 * them (cmi5 §9.3: one completed, one passed per registration). Scoped by activity, agent and
 * registration, so a new registration starts fresh.
 */
export interface ProgressDocument {
  state: string;
  reported: string[];
  /** When it was written (ms since the epoch): the newer of the LRS's copy and this browser's wins. */
  savedAt: number;
}

export const PROGRESS_STATE_ID = "skillpack.progress";

export const progressPath = (activityId: string, agent: Agent, registration: string | undefined) =>
  resourcePath("activities/state", { activityId, agent: JSON.stringify(agent), registration, stateId: PROGRESS_STATE_ID });

const isProgress = (doc: unknown): doc is ProgressDocument =>
  !!doc && typeof doc === "object" && typeof (doc as ProgressDocument).state === "string" && Array.isArray((doc as ProgressDocument).reported);

/** The LRS's copy; undefined when there is none. Throws when the LRS cannot be reached (or is slower than a learner should wait). */
export async function readProgress(lrs: LrsConnection, path: string, timeoutMs = 8000): Promise<ProgressDocument | undefined> {
  const doc = await getJsonDocument<unknown>(lrs, path, timeoutMs);
  return isProgress(doc) ? doc : undefined;
}

/**
 * This browser's copy of the last save. It matters when the LRS cannot be reached at launch: the
 * learner goes on from where they were instead of starting over (and then overwriting the LRS's copy).
 */
export function createProgressMirror(lrs: LrsConnection, path: string) {
  const stored = storedJson(`skillpack:progress:${lrs.endpoint}${path}`, isProgress);
  return {
    read: stored.read,
    // Blocked or full storage: the LRS's copy is the one that counts.
    write: (doc: ProgressDocument) => void stored.write(doc),
  };
}

export const newer = (a: ProgressDocument | undefined, b: ProgressDocument | undefined) => (!a ? b : !b ? a : b.savedAt > a.savedAt ? b : a);
