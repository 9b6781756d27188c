import { createVerbRules } from "../cmi5/verb-rules.js";
import type { StateCodec, TrackerHooks } from "../tracker.js";
import { packageActivityId, type XapiLaunch } from "./launch-parameters.js";
import { createStatementTracker, type StatementTracker } from "./statement-tracker.js";

/**
 * A Tin Can launch (tincan.xml, RULES.md §3): the LMS hands endpoint, auth, actor, registration and
 * activity_id in the URL and nothing about the LRS is in the package. Statements follow the same
 * session rules as cmi5's (initialized first, terminated last, one completion per registration).
 */
export function createXapiTracker(launch: XapiLaunch, codec: StateCodec, hooks: TrackerHooks, doc: Document): StatementTracker {
  return createStatementTracker({
    standard: "xapi",
    codec,
    hooks,
    doc,
    async connect() {
      const activityId = launch.activityId ?? (await packageActivityId(doc));
      if (!activityId) throw new Error("the LMS sent no activity_id and the package's tincan.xml could not be read");
      const verbs = createVerbRules("Normal");
      return {
        lrs: { endpoint: launch.endpoint, ...(launch.auth ? { auth: launch.auth } : {}) },
        actor: launch.actor,
        ...(launch.registration ? { registration: launch.registration } : {}),
        activityId,
        activityBase: activityId,
        ...(launch.grouping ? { grouping: launch.grouping } : {}),
        ...(launch.platform ? { platform: launch.platform } : {}),
        ...(launch.language ? { preferredLanguage: launch.language } : {}),
        rules: { ...verbs, context: (_verb, own) => own, writesState: true },
      };
    },
  });
}
