import type { Verb } from "@xapi/xapi";

/** The verbs skillpack's statements use, each with an English display (X-3: a language map). */
const verb = (id: string, display: string): Verb => ({ id, display: { "en-US": display } });
const adl = (name: string) => verb(`http://adlnet.gov/expapi/verbs/${name}`, name);

export const VERBS = {
  // ADL verbs; cmi5 §9.3 defines initialized, completed, passed, failed and terminated.
  initialized: adl("initialized"),
  resumed: adl("resumed"),
  experienced: adl("experienced"),
  progressed: adl("progressed"),
  answered: adl("answered"),
  scored: adl("scored"),
  completed: adl("completed"),
  passed: adl("passed"),
  failed: adl("failed"),
  suspended: adl("suspended"),
  terminated: adl("terminated"),
  // The xAPI Open Badges profile (Open Badges xAPI vocabulary, "Earning"): the actor earned the badge.
  earned: verb("http://specification.openbadges.org/xapi/verbs/earned", "earned"),
  // No registry verb says "reached a level of a game"; ours lives beside our default activity IRIs.
  reached: verb("https://skillpack.dev/xapi/verbs/reached", "reached"),
} as const;

export type VerbName = keyof typeof VERBS;

export const ACTIVITY_TYPES = {
  /** The unit: what tincan.xml declares it as (TC-PKG-4). */
  unit: "http://adlnet.gov/expapi/activities/course",
  page: "http://adlnet.gov/expapi/activities/module",
  interaction: "http://adlnet.gov/expapi/activities/cmi.interaction",
  assessment: "http://adlnet.gov/expapi/activities/assessment",
  /** Open Badges xAPI vocabulary: "States that the object is an OB". */
  badge: "http://activitystrea.ms/schema/1.0/badge",
  level: "https://skillpack.dev/xapi/activity-types/level",
  course: "http://adlnet.gov/expapi/activities/course",
} as const;

/** Open Badges xAPI vocabulary: the recipe category every "earned" statement carries. */
export const OPEN_BADGES_RECIPE = {
  id: "http://specification.openbadges.org/xapi/recipe/base/0_0_2",
  objectType: "Activity",
  definition: { type: "http://id.tincanapi.com/activitytype/recipe" },
} as const;
export const OPEN_BADGES_CLASS_EXTENSION = "http://specification.openbadges.org/xapi/extensions/badgeclass";

/** cmi5 §9.5.5.1: progress as an integer percentage; plain xAPI packages use the same extension. */
export const PROGRESS_EXTENSION = "https://w3id.org/xapi/cmi5/result/extensions/progress";
/** Which round of a self-assessment a result belongs to ("before" or "after"). */
export const SELF_ASSESSMENT_PHASE_EXTENSION = "https://skillpack.dev/xapi/extensions/self-assessment-phase";
