import type { Agent } from "@xapi/xapi";
import { parseActor } from "./actor.js";
import { isUuid } from "./uuid.js";

/** What an LMS appends to tincan.xml's launch URL (RULES.md §3.2, Rustici's launch document). */
export interface XapiLaunch {
  /** The LRS base URL, always ending with "/". */
  endpoint: string;
  /** The Authorization header value, used verbatim (TC-LAUNCH-1). */
  auth?: string;
  actor: Agent;
  registration?: string;
  /** The launched activity's IRI; when the LMS sends none, the package's own (tincan.xml) is used. */
  activityId?: string;
  platform?: string;
  language?: string;
  /** An activity the LMS asks to be added to context.contextActivities.grouping (TC-LAUNCH-3). */
  grouping?: string;
}

export const withSlash = (url: string) => (url.endsWith("/") ? url : `${url}/`);
const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;
export const isIri = (text: string | null | undefined): text is string => !!text && IRI.test(text);

/**
 * Tin Can launch parameters, in any order (TC-LAUNCH-1). Undefined unless endpoint and actor are both
 * there: then the page was not launched for xAPI. A `fetch` parameter means cmi5, which is checked first.
 */
export function readXapiLaunch(search: string): XapiLaunch | undefined {
  const q = new URLSearchParams(search);
  const endpoint = q.get("endpoint");
  const actor = parseActor(q.get("actor"));
  if (!endpoint || !actor || !/^https?:\/\//i.test(endpoint)) return undefined;
  const registration = q.get("registration");
  const activityId = q.get("activity_id");
  const grouping = q.get("grouping");
  return {
    endpoint: withSlash(endpoint),
    ...(q.get("auth") ? { auth: q.get("auth")! } : {}),
    actor,
    ...(isUuid(registration) ? { registration: registration.toLowerCase() } : {}),
    ...(isIri(activityId) ? { activityId } : {}),
    ...(q.get("activity_platform") ? { platform: q.get("activity_platform")! } : {}),
    ...(q.get("Accept-Language") ? { language: q.get("Accept-Language")!.split(",")[0]!.trim() } : {}),
    ...(isIri(grouping) ? { grouping } : {}),
  };
}

/** The root activity of the package, from its tincan.xml, for an LMS that launched without activity_id. */
export async function packageActivityId(doc: Document): Promise<string | undefined> {
  try {
    const response = await fetch(new URL("tincan.xml", doc.baseURI).href, { credentials: "same-origin" });
    if (!response.ok) return undefined;
    const xml = new DOMParser().parseFromString(await response.text(), "application/xml");
    // TC-PKG-3: the one activity with a <launch> is the one the LMS launches.
    for (const activity of Array.from(xml.getElementsByTagName("activity")))
      if (activity.getElementsByTagName("launch").length) return activity.getAttribute("id") ?? undefined;
  } catch {
    /* opened without a server, or no tincan.xml: statements need an id, so the caller gives up */
  }
  return undefined;
}
