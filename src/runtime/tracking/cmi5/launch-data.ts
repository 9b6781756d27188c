import type { Agent, Context } from "@xapi/xapi";
import { getJsonDocument, resourcePath, type LrsConnection } from "../xapi/lrs-http.js";
import type { LaunchMode } from "./verb-rules.js";

/** cmi5 §10: the LMS.LaunchData state document, written by the LMS before the launch. */
export interface LaunchData {
  contextTemplate: Context;
  launchMode: LaunchMode;
  moveOn?: string;
  /** Scaled 0–1; overrides the unit's pass mark (§10 masteryScore: passed/failed "MUST be based on" it). */
  masteryScore?: number;
  returnURL?: string;
  launchParameters?: string;
}

const MODES: readonly LaunchMode[] = ["Normal", "Browse", "Review"];

/** Reads LMS.LaunchData; the AU must not modify or delete it (§10 contextTemplate), so it is only ever read. */
export async function readLaunchData(lrs: LrsConnection, activityId: string, actor: Agent, registration: string): Promise<LaunchData> {
  const path = resourcePath("activities/state", { activityId, agent: JSON.stringify(actor), registration, stateId: "LMS.LaunchData" });
  const doc = await getJsonDocument<Record<string, unknown>>(lrs, path);
  if (!doc) throw new Error("the LMS wrote no LMS.LaunchData state document (cmi5 §10)");
  const template = doc.contextTemplate;
  if (!template || typeof template !== "object") throw new Error("LMS.LaunchData has no contextTemplate (cmi5 §10)");
  const mode = MODES.includes(doc.launchMode as LaunchMode) ? (doc.launchMode as LaunchMode) : undefined;
  if (!mode) throw new Error(`LMS.LaunchData has no valid launchMode (cmi5 §10): ${String(doc.launchMode)}`);
  const mastery = typeof doc.masteryScore === "number" && doc.masteryScore >= 0 && doc.masteryScore <= 1 ? doc.masteryScore : undefined;
  return {
    contextTemplate: template as Context,
    launchMode: mode,
    ...(typeof doc.moveOn === "string" ? { moveOn: doc.moveOn } : {}),
    ...(mastery !== undefined ? { masteryScore: mastery } : {}),
    ...(typeof doc.returnURL === "string" && doc.returnURL ? { returnURL: doc.returnURL } : {}),
    ...(typeof doc.launchParameters === "string" ? { launchParameters: doc.launchParameters } : {}),
  };
}

/** cmi5 §11.1: the learner's languages, best first, from the cmi5LearnerPreferences agent profile; none when the LMS keeps none. */
export async function readLanguagePreference(lrs: LrsConnection, actor: Agent): Promise<string | undefined> {
  try {
    const prefs = await getJsonDocument<{ languagePreference?: unknown }>(lrs, resourcePath("agents/profile", { agent: JSON.stringify(actor), profileId: "cmi5LearnerPreferences" }));
    const list = typeof prefs?.languagePreference === "string" ? prefs.languagePreference : "";
    return list.split(",")[0]?.trim() || undefined;
  } catch {
    return undefined; // §11 is a SHOULD for the AU: without it the package's own language stands
  }
}
