import type { Activity, Context, Result } from "@xapi/xapi";
import type { VerbName } from "../xapi/vocabulary.js";
import { CMI5_DEFINED } from "./verb-rules.js";

export const CMI5_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
export const MOVEON_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/moveon";
export const MASTERY_SCORE_EXTENSION = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";

type Lists = NonNullable<Context["contextActivities"]>;
const LISTS = ["parent", "grouping", "category", "other"] as const;
const asList = (value: Activity | Activity[] | undefined): Activity[] => (Array.isArray(value) ? value : value ? [value] : []);

/**
 * A statement's context laid over the LMS's contextTemplate (cmi5 §10): the template's values are never
 * overwritten — its session id extension and publisher id grouping stay as they are (§9.6.2.3, §9.6.3.1) —
 * and ours are added beside them. cmi5 defined statements carry the cmi5 category (§9.6.2.1); those whose
 * result has success or completion also the moveOn category, and no other statement does (§9.6.2.2);
 * passed and failed judged by the LMS's masteryScore carry it as an extension (§9.6.3.2).
 */
export function cmi5Context(template: Context, verb: VerbName, own: Context, result: Result | undefined, masteryScore: number | undefined): Context {
  const context: Context = JSON.parse(JSON.stringify(template)) as Context;
  for (const [key, value] of Object.entries(own) as [keyof Context, unknown][]) {
    if (key === "contextActivities" || key === "extensions") continue;
    if (context[key] === undefined) (context as Record<string, unknown>)[key] = value;
  }
  // §9.6.1: the registration is the LMS's, from the launch URL.
  if (own.registration) context.registration = own.registration;
  const lists: Lists = {};
  for (const name of LISTS) {
    const merged = [...asList(template.contextActivities?.[name] as Activity | Activity[] | undefined)];
    for (const activity of asList(own.contextActivities?.[name])) if (!merged.some((a) => a.id === activity.id)) merged.push(activity);
    if (name === "category") {
      const withoutOurs = merged.filter((a) => a.id !== CMI5_CATEGORY && a.id !== MOVEON_CATEGORY);
      merged.length = 0;
      merged.push(...withoutOurs);
      if (CMI5_DEFINED.has(verb)) merged.push({ objectType: "Activity", id: CMI5_CATEGORY });
      if (CMI5_DEFINED.has(verb) && (result?.success !== undefined || result?.completion !== undefined)) merged.push({ objectType: "Activity", id: MOVEON_CATEGORY });
    }
    if (merged.length) lists[name] = merged;
  }
  if (Object.keys(lists).length) context.contextActivities = lists;
  const extensions = { ...(own.extensions ?? {}), ...(template.extensions ?? {}) };
  if ((verb === "passed" || verb === "failed") && masteryScore !== undefined && extensions[MASTERY_SCORE_EXTENSION] === undefined) extensions[MASTERY_SCORE_EXTENSION] = masteryScore;
  if (Object.keys(extensions).length) context.extensions = extensions;
  return context;
}
