import { describe, expect, it } from "vitest";
import { cmi5Context, CMI5_CATEGORY, MASTERY_SCORE_EXTENSION, MOVEON_CATEGORY } from "../../../src/runtime/tracking/cmi5/cmi5-context.js";
import { readCmi5Launch } from "../../../src/runtime/tracking/cmi5/cmi5-launch.js";
import { createVerbRules } from "../../../src/runtime/tracking/cmi5/verb-rules.js";
import { normalizeActor } from "../../../src/runtime/tracking/xapi/actor.js";
import { interactionDefinition, interactionResult } from "../../../src/runtime/tracking/xapi/interaction.js";
import { isoDuration } from "../../../src/runtime/tracking/xapi/iso-duration.js";
import { readXapiLaunch } from "../../../src/runtime/tracking/xapi/launch-parameters.js";
import { scoreOf } from "../../../src/runtime/tracking/xapi/statement-tracker.js";
import { isUuid, uuid4 } from "../../../src/runtime/tracking/xapi/uuid.js";

describe("xAPI launch and statement parts", () => {
  it("normalises the 0.9/0.95 actor array form to a 1.0 Agent with one identifier (TC-LAUNCH-2)", () => {
    expect(normalizeActor({ name: ["Ona"], mbox: ["ona@example.org"] })).toEqual({ objectType: "Agent", name: "Ona", mbox: "mailto:ona@example.org" });
    expect(normalizeActor({ name: ["Ona"], account: [{ accountServiceHomePage: "https://lms.test", accountName: "42" }] })).toEqual({
      objectType: "Agent",
      name: "Ona",
      account: { homePage: "https://lms.test", name: "42" },
    });
    // Two identifiers: the first by xAPI's order wins, so the Agent has exactly one.
    expect(normalizeActor({ mbox: "mailto:a@b.c", account: { homePage: "https://x", name: "y" } })).toEqual({ objectType: "Agent", mbox: "mailto:a@b.c" });
    expect(normalizeActor({ name: "nobody" })).toBeUndefined();
  });

  it("reads Tin Can and cmi5 launch parameters, in any order, and tells them apart", () => {
    const actor = encodeURIComponent(JSON.stringify({ account: { homePage: "https://lms.test", name: "7" } }));
    const tinCan = readXapiLaunch(`?registration=0f1e2d3c-4b5a-4697-8877-665544332211&actor=${actor}&auth=Basic%20abc&endpoint=https%3A%2F%2Flrs.test%2FxAPI&activity_id=https%3A%2F%2Fx.test%2Fu`);
    expect(tinCan).toMatchObject({ endpoint: "https://lrs.test/xAPI/", auth: "Basic abc", registration: "0f1e2d3c-4b5a-4697-8877-665544332211", activityId: "https://x.test/u" });
    expect(readXapiLaunch("?endpoint=https%3A%2F%2Flrs.test%2F")).toBeUndefined();
    expect(readCmi5Launch(`?endpoint=https%3A%2F%2Flrs.test%2F&actor=${actor}`)).toBeUndefined();
    expect(readCmi5Launch(`?activityId=https%3A%2F%2Flms.test%2Fa&fetch=https%3A%2F%2Flms.test%2Ff&registration=0f1e2d3c-4b5a-4697-8877-665544332211&endpoint=https%3A%2F%2Flrs.test%2F&actor=${actor}`)).toMatchObject({
      fetchUrl: "https://lms.test/f",
      activityId: "https://lms.test/a",
    });
  });

  it("writes ISO 8601 durations, UUID v4 ids and scores within xAPI's and cmi5's ranges", () => {
    expect(isoDuration(0)).toBe("PT0S");
    expect(isoDuration(1234)).toBe("PT1.23S");
    expect(isoDuration(3_723_450)).toBe("PT1H2M3.45S");
    expect(isoDuration(120_000)).toBe("PT2M");
    expect(isUuid(uuid4())).toBe(true);
    expect(scoreOf(87.5)).toEqual({ scaled: 0.875, raw: 88, min: 0, max: 100 });
    expect(scoreOf(120)).toEqual({ scaled: 1, raw: 100, min: 0, max: 100 });
  });

  it("describes each interaction type in xAPI's syntax (X-6)", () => {
    const base = { questionId: "q", attempt: 1, latencyMs: 1500 } as const;
    expect(interactionDefinition({ ...base, type: "matching", response: ["b", ""], options: ["a", "b"], correctResponse: ["a", "b"], result: "wrong" }, "en")).toMatchObject({
      interactionType: "matching",
      correctResponsesPattern: ["a[.]a[,]b[.]b"],
      source: [{ id: "a" }, { id: "b" }],
      target: [{ id: "a" }, { id: "b" }],
    });
    expect(interactionResult({ ...base, type: "matching", response: ["b", ""], options: ["a", "b"], result: "wrong" })).toEqual({ response: "a[.]b", success: false, duration: "PT1.5S" });
    expect(interactionDefinition({ ...base, type: "likert", response: ["2"], options: ["1", "2", "3"], result: "neutral" }, "lt", { components: { "1": "Retai" } })).toMatchObject({
      interactionType: "likert",
      scale: [{ id: "1", description: { lt: "Retai" } }, { id: "2" }, { id: "3" }],
    });
    expect(interactionResult({ ...base, type: "likert", response: ["2"], result: "neutral" })).toEqual({ response: "2", duration: "PT1.5S" });
    expect(interactionDefinition({ ...base, type: "numeric", response: ["3"], correctResponse: ["3"], result: "correct" }, "en", {}, { tolerance: 0.5 }).correctResponsesPattern).toEqual(["2.5[:]3.5"]);
    expect(interactionResult({ ...base, type: "choice", response: [], options: ["a"], result: "wrong" })).toBeUndefined();
  });
});

describe("cmi5 rules", () => {
  it("keeps a session between initialized and terminated, each defined verb once, no failed after passed (§9.3)", () => {
    const rules = createVerbRules("Normal");
    expect(rules.admit("experienced")).toBe(false); // before initialized
    expect(rules.admit("initialized")).toBe(true);
    expect(rules.admit("initialized")).toBe(false);
    expect(rules.admit("answered")).toBe(true);
    expect(rules.admit("passed")).toBe(true);
    expect(rules.admit("failed")).toBe(false);
    expect(rules.admit("completed")).toBe(true);
    expect(rules.admit("completed")).toBe(false);
    expect(rules.admit("terminated")).toBe(true);
    expect(rules.admit("answered")).toBe(false);
    expect(rules.reported().sort()).toEqual(["completed", "passed"]);

    const next = createVerbRules("Normal");
    next.restore(["completed", "passed"]);
    next.admit("initialized");
    expect(next.admit("completed")).toBe(false); // once per registration
    expect(next.admit("failed")).toBe(false); // never after passed
    expect(next.admit("passed")).toBe(false);
  });

  it("sends only initialized and terminated in Browse and Review (§10 launchMode)", () => {
    for (const mode of ["Browse", "Review"] as const) {
      const rules = createVerbRules(mode);
      expect(["initialized", "experienced", "completed", "passed", "answered", "terminated"].filter((v) => rules.admit(v as never))).toEqual(["initialized", "terminated"]);
    }
  });

  it("lays statements over the context template without overwriting it, with the cmi5 and moveOn categories only where they belong (§9.6)", () => {
    const template = {
      contextActivities: { grouping: [{ id: "https://publisher.test/au" }], category: [{ id: "https://lms.test/category" }] },
      extensions: { "https://w3id.org/xapi/cmi5/context/extensions/sessionid": "s-1" },
      language: "lt",
    };
    const own = { registration: "r", language: "en", platform: "skillpack", contextActivities: { grouping: [{ id: "https://lms.test/course" }], parent: [{ id: "https://x.test/u" }] }, extensions: { "https://w3id.org/xapi/cmi5/context/extensions/sessionid": "mine" } };
    const passed = cmi5Context(template, "passed", own, { success: true }, 0.8);
    expect(passed.language).toBe("lt");
    expect(passed.platform).toBe("skillpack");
    expect(passed.contextActivities!.grouping!.map((a) => a.id)).toEqual(["https://publisher.test/au", "https://lms.test/course"]);
    expect(passed.contextActivities!.category!.map((a) => a.id)).toEqual(["https://lms.test/category", CMI5_CATEGORY, MOVEON_CATEGORY]);
    expect(passed.extensions).toEqual({ "https://w3id.org/xapi/cmi5/context/extensions/sessionid": "s-1", [MASTERY_SCORE_EXTENSION]: 0.8 });
    expect(cmi5Context(template, "initialized", own, undefined, 0.8).contextActivities!.category!.map((a) => a.id)).toEqual(["https://lms.test/category", CMI5_CATEGORY]);
    const allowed = cmi5Context(template, "answered", own, { success: true }, 0.8);
    expect(allowed.contextActivities!.category!.map((a) => a.id)).toEqual(["https://lms.test/category"]);
    expect(allowed.extensions![MASTERY_SCORE_EXTENSION]).toBeUndefined();
    expect(template.contextActivities.category).toHaveLength(1); // the template itself is untouched
  });
});
