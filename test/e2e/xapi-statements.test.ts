// An xAPI (Tin Can) package, built as the CLI builds it, launched in Chromium with real launch
// parameters against Learning Locker's statements service: what reaches the LRS is what an LRS admin
// would check — the verbs in order, one answered per question with its definition, the score, the
// badges, the registration on every statement, nothing rejected — and resume through the State API.
import { randomUUID } from "node:crypto";
import type { Statement } from "@xapi/xapi";
import { describe, expect, it } from "vitest";
import { learner, openLaunch, tinCanLaunchUrl, verbsOf, waitForVerb } from "../helpers/xapi-launch.js";
import { completeUnit, goToPage, readUnit, writeReflection } from "./player-support.js";
import { FULL_JOURNEY, useLrsStage } from "./xapi-support.js";

const UNIT = "test/fixtures/units/full";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISO_DURATION = /^PT(\d+H)?(\d+M)?(\d+(\.\d+)?S)?$/;

/** What each quiz question of the fixture must look like as a cmi.interaction, with the right answer given. */
const QUESTIONS: Record<string, { interactionType: string; correctResponsesPattern: string[]; response: string; components?: Record<string, Record<string, string>> }> = {
  "q-single": { interactionType: "choice", correctResponsesPattern: ["a"], response: "a", components: { choices: { a: "Listening", b: "Advice" } } },
  "q-multi": { interactionType: "choice", correctResponsesPattern: ["a[,]b"], response: "a[,]b", components: { choices: { a: "Eye contact", b: "Nodding", c: "Checking your phone" } } },
  "q-truefalse": { interactionType: "true-false", correctResponsesPattern: ["true"], response: "true" },
  "q-matching": {
    interactionType: "matching",
    correctResponsesPattern: ["m-anger[.]m-anger[,]m-fear[.]m-fear"],
    response: "m-anger[.]m-anger[,]m-fear[.]m-fear",
    components: { source: { "m-anger": "Anger", "m-fear": "Fear" }, target: { "m-anger": "A raised voice", "m-fear": "Avoiding eye contact" } },
  },
  "q-sequence": {
    interactionType: "sequencing",
    correctResponsesPattern: ["x-pause[,]x-name[,]x-choose"],
    response: "x-pause[,]x-name[,]x-choose",
    components: { choices: { "x-pause": "Pause", "x-name": "Name the feeling", "x-choose": "Choose a response" } },
  },
  "q-fillin": { interactionType: "fill-in", correctResponsesPattern: ["{case_matters=false}empathy"], response: "empathy" },
  "q-numeric": { interactionType: "numeric", correctResponsesPattern: ["2[:]4"], response: "3" },
};

const BADGES = ["bd-calm", "bd-first", "bd-pass", "bd-sorter", "bd-writer", "bd-growth", "bd-points"];

type Component = { id: string; description?: Record<string, string> };
const describedAs = (list: Component[] | undefined) => Object.fromEntries((list ?? []).map((c) => [c.id, c.description?.en]));

describe("an xAPI package played in Chromium against a real LRS", () => {
  const stage = useLrsStage(UNIT, "xapi");

  it("records the learner's journey: the verbs in order, each answer with its definition, the score, the badges, the registration everywhere, nothing rejected", async () => {
    const registration = randomUUID();
    const actor = learner();
    const url = tinCanLaunchUrl(stage.packageUrl, { endpoint: stage.lrs.endpoint, auth: stage.lrs.credentials(), actor, registration, activityId: stage.activityId });
    const { page, context } = await openLaunch(stage.browser, url);
    await completeUnit(page.mainFrame(), await readUnit(UNIT));
    await page.goto("about:blank"); // pagehide: suspended/terminated go out with keepalive
    const statements = await waitForVerb(stage.lrs, registration, "terminated");
    await context.close();

    expect(verbsOf(statements)).toEqual(FULL_JOURNEY);
    expect(stage.lrs.requests.filter((r) => r.path === "/xAPI/statements" && r.status >= 400)).toEqual([]);
    expect(stage.lrs.errors).toEqual([]);
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
    for (const s of statements) {
      expect(s.id).toMatch(UUID);
      expect(s.actor).toEqual(actor);
      expect(s.context?.registration).toBe(registration);
      expect(s.context).toMatchObject({ platform: "skillpack", revision: "1.0.0", language: "en" });
      expect(Date.parse(s.timestamp!)).not.toBeNaN();
    }
    // Stored in the order they happened.
    const times = statements.map((s) => Date.parse(s.timestamp!));
    expect([...times].sort((a, b) => a - b)).toEqual(times);

    const answered = statements.filter((s) => s.verb.id === "http://adlnet.gov/expapi/verbs/answered" && (s.object as { id: string }).id.includes("/questions/"));
    expect(answered.map((s) => (s.object as { id: string }).id).sort()).toEqual(Object.keys(QUESTIONS).map((q) => `${stage.activityId}/questions/${q}`).sort());
    for (const s of answered) {
      const object = s.object as { id: string; definition: Record<string, unknown> & { name?: Record<string, string> } };
      const expected = QUESTIONS[object.id.split("/").pop()!]!;
      expect(object.definition).toMatchObject({ type: "http://adlnet.gov/expapi/activities/cmi.interaction", interactionType: expected.interactionType, correctResponsesPattern: expected.correctResponsesPattern });
      expect(object.definition.name?.en).toBeTruthy();
      for (const [list, descriptions] of Object.entries(expected.components ?? {})) expect(describedAs(object.definition[list] as Component[])).toEqual(descriptions);
      expect(s.result).toMatchObject({ response: expected.response, success: true });
      expect(s.result!.duration).toMatch(ISO_DURATION);
      expect(s.context!.contextActivities!.parent![0]!.id).toBe(stage.activityId);
    }

    const passed = statements.find((s) => s.verb.id === "http://adlnet.gov/expapi/verbs/passed")!;
    expect(passed.object).toMatchObject({ id: stage.activityId });
    expect(passed.result).toMatchObject({ success: true, score: { scaled: 1, raw: 100, min: 0, max: 100 } });
    expect(passed.result!.duration).toMatch(ISO_DURATION);
    expect(statements.find((s) => s.verb.id.endsWith("/completed"))!.result).toMatchObject({ completion: true });
    expect(statements.at(-1)!.result!.duration).toMatch(ISO_DURATION);

    const earned = statements.filter((s) => s.verb.id === "http://specification.openbadges.org/xapi/verbs/earned");
    expect(earned.map((s) => (s.object as { id: string }).id).sort()).toEqual(BADGES.map((b) => `${stage.activityId}/badges/${b}`).sort());
    for (const s of earned) {
      expect((s.object as { definition: { type: string } }).definition.type).toBe("http://activitystrea.ms/schema/1.0/badge");
      expect(s.context!.contextActivities!.category!.map((c) => c.id)).toContain("http://specification.openbadges.org/xapi/recipe/base/0_0_2");
    }
    const reached = statements.find((s) => s.verb.id.endsWith("/reached"))!;
    expect(reached.object).toMatchObject({ id: `${stage.activityId}/levels/l-listener`, definition: { name: { en: "Listener" } } });
    const scored = statements.filter((s) => s.verb.id.endsWith("/scored"));
    expect(scored.map((s) => s.result!.extensions!["https://skillpack.dev/xapi/extensions/self-assessment-phase"])).toEqual(["before", "after"]);
    expect(scored[1]!.result).toMatchObject({ response: "high", score: { raw: 3, min: 1, max: 3, scaled: 1 } });
    const pages = statements.filter((s) => s.verb.id.endsWith("/experienced")).map((s) => (s.object as { id: string }).id);
    expect(pages).toEqual(["s-learn", "s-practise", "s-check"].map((p) => `${stage.activityId}/pages/${p}`));
    expect(statements.filter((s) => s.verb.id.endsWith("/progressed")).map((s) => s.result!.extensions!["https://w3id.org/xapi/cmi5/result/extensions/progress"])).toEqual([33, 67, 100]);
  });

  it("resumes with the same registration from the State API, and starts afresh with a new one; an LMS's 0.9 actor array is understood", async () => {
    const registration = randomUUID();
    const auth = stage.lrs.credentials();
    // TC-LAUNCH-2: the 0.9/0.95 form SCORM Cloud has sent, every property an array.
    const oldActor = JSON.stringify({ name: ["Ona Old"], mbox: ["mailto:ona.old@example.org"] });
    const launch = (reg: string) => tinCanLaunchUrl(stage.packageUrl, { endpoint: stage.lrs.endpoint, auth, actor: oldActor, registration: reg, activityId: stage.activityId });

    const first = await openLaunch(stage.browser, launch(registration));
    const frame = first.page.mainFrame();
    await writeReflection(frame, "b-reflect", "Grandma, at the bus stop.");
    await goToPage(frame, "s-practise");
    await first.page.goto("about:blank");
    let statements = await waitForVerb(stage.lrs, registration, "terminated");
    await first.context.close();
    expect(verbsOf(statements)).toEqual(["initialized", "experienced", "progressed", "earned", "experienced", "progressed", "suspended", "terminated"]);
    expect(statements[0]!.actor).toEqual({ objectType: "Agent", name: "Ona Old", mbox: "mailto:ona.old@example.org" });

    // A new browser context: nothing in localStorage, so the state can only come from the State API.
    const second = await openLaunch(stage.browser, launch(registration));
    await second.page.waitForSelector('[data-page="s-practise"]:not([hidden])');
    expect(await second.page.inputValue("#b-reflect-answer")).toBe("Grandma, at the bus stop.");
    await second.page.goto("about:blank");
    statements = await waitForVerb(stage.lrs, registration, "terminated", 2);
    await second.context.close();
    // The page the learner comes back to is experienced again; no badge or level is announced twice.
    expect(verbsOf(statements).slice(8)).toEqual(["initialized", "resumed", "experienced", "suspended", "terminated"]);

    const fresh = randomUUID();
    const third = await openLaunch(stage.browser, launch(fresh));
    await third.page.waitForSelector('[data-page="s-learn"]:not([hidden])');
    expect(await third.page.inputValue("#b-reflect-answer")).toBe("");
    await third.page.goto("about:blank");
    const freshStatements = await waitForVerb(stage.lrs, fresh, "terminated");
    await third.context.close();
    expect(verbsOf(freshStatements)).toEqual(["initialized", "experienced", "progressed", "suspended", "terminated"]);
    expect(freshStatements.every((s: Statement) => s.context?.registration === fresh)).toBe(true);
  });
});
