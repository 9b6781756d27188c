import type { StateCodec, TrackerHooks } from "../tracker.js";
import { createStatementTracker, type StatementTracker } from "../xapi/statement-tracker.js";
import { isIri } from "../xapi/launch-parameters.js";
import { cmi5Context } from "./cmi5-context.js";
import { fetchAuthToken, type Cmi5Launch } from "./cmi5-launch.js";
import { readLanguagePreference, readLaunchData } from "./launch-data.js";
import { createVerbRules } from "./verb-rules.js";

/**
 * A cmi5 AU (RULES.md §4): one POST to fetch for the token, LMS.LaunchData for the launch mode, mastery
 * score and context template, then statements between initialized and terminated under cmi5's rules.
 */
export function createCmi5Tracker(launch: Cmi5Launch, codec: StateCodec, hooks: TrackerHooks, doc: Document): StatementTracker {
  return createStatementTracker({
    standard: "cmi5",
    codec,
    hooks,
    doc,
    async connect() {
      // cmi5 §8.2.1: the token goes into the Basic Authorization header of every xAPI request.
      const lrs = { endpoint: launch.endpoint, auth: `Basic ${await fetchAuthToken(launch.fetchUrl, hooks.log)}` };
      // cmi5 §10: LaunchData is read before any statement is sent.
      const [data, language] = await Promise.all([readLaunchData(lrs, launch.activityId, launch.actor, launch.registration), readLanguagePreference(lrs, launch.actor)]);
      const verbs = createVerbRules(data.launchMode);
      // §9.6.2.3: the publisher id (the <au id> of cmi5.xml) is in the template's grouping; pages and
      // questions hang under it, so their IRIs are the same in every LMS and match the package's.
      const grouping = data.contextTemplate.contextActivities?.grouping;
      const publisher = (Array.isArray(grouping) ? grouping : grouping ? [grouping] : []).map((a) => a.id).find(isIri);
      return {
        lrs,
        actor: launch.actor,
        registration: launch.registration,
        // §9.4: the object of cmi5 defined statements is the launch's activityId.
        activityId: launch.activityId,
        activityBase: publisher ?? launch.activityId,
        ...(language ? { preferredLanguage: language } : {}),
        ...(data.returnURL ? { returnUrl: data.returnURL } : {}),
        rules: {
          ...verbs,
          context: (verb, own, result) => cmi5Context(data.contextTemplate, verb, own, result, data.masteryScore),
          // §10 launchMode: Browse and Review record nothing that counts; the learner's progress is not overwritten either.
          writesState: data.launchMode === "Normal",
          ...(data.masteryScore !== undefined ? { masteryScore: data.masteryScore } : {}),
        },
      };
    },
  });
}
