// A cmi5 package's AU in Chromium, with the test playing the LMS (registration, LMS.LaunchData in the
// State API, the `launched` statement, a fetch URL that hands its token out once, the launch URL) and
// Learning Locker as the LRS. The AU's statements must obey cmi5's rules (RULES.md §4, cmi5 §7–§10).
import type { Statement } from "@xapi/xapi";
import { describe, expect, it } from "vitest";
import { UI_STRINGS } from "../../src/shared/ui-strings.js";
import { cmi5Launch, openLaunch, SESSION_ID_EXTENSION, verbsOf, waitForVerb, type Cmi5Registration } from "../helpers/xapi-launch.js";
import { answerQuiz, completeUnit, goToPage, playerReady, readUnit, submitQuiz } from "./player-support.js";
import { FULL_JOURNEY, useLrsStage } from "./xapi-support.js";

const UNIT = "test/fixtures/units/full";
const CMI5_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
const MOVEON_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/moveon";
const MASTERY = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
const DEFINED = ["initialized", "completed", "passed", "failed", "terminated"];
const ISO_DURATION = /^PT(\d+H)?(\d+M)?(\d+(\.\d+)?S)?$/;

const verb = (s: Statement) => s.verb.id.split("/").pop()!;
const categories = (s: Statement) => (s.context?.contextActivities?.category ?? []).map((c) => c.id);
/** The AU's statements of one session: everything but what the LMS sent. */
const sessionOf = (statements: Statement[], l: Cmi5Registration) =>
  statements.filter((s) => s.context?.extensions?.[SESSION_ID_EXTENSION] === l.sessionId && verb(s) !== "launched");

/** The rules every AU session must keep (cmi5 §7.1, §9.3, §9.5, §9.6). */
function expectCmi5Session(session: Statement[], l: Cmi5Registration) {
  expect(verb(session[0]!)).toBe("initialized"); // §9.3.2
  expect(verb(session.at(-1)!)).toBe("terminated"); // §9.3.8
  for (const name of DEFINED) expect(session.filter((s) => verb(s) === name).length).toBeLessThanOrEqual(1); // §9.3
  expect(session.filter((s) => ["passed", "failed"].includes(verb(s))).length).toBeLessThanOrEqual(1);
  for (const s of session) {
    expect(s.context?.registration).toBe(l.registration); // §9.6.1
    expect(s.context?.contextActivities?.grouping?.map((g) => g.id)).toContain(l.publisherId); // §9.6.2.3, kept from the template
    const defined = DEFINED.includes(verb(s));
    expect(categories(s).includes(CMI5_CATEGORY)).toBe(defined); // §9.6.2.1 / §7.1.3
    const moveOn = defined && (s.result?.success !== undefined || s.result?.completion !== undefined);
    expect(categories(s).includes(MOVEON_CATEGORY)).toBe(moveOn); // §9.6.2.2
    if (defined) expect((s.object as { id: string }).id).toBe(l.activityId); // §9.4: the launch's activityId, not the <au id>
    // §9.5.1–9.5.3 are about cmi5 defined statements ("cmi5 allowed" ones, like the self-assessment's scored, may carry a score).
    if (!["passed", "failed"].includes(verb(s)) && defined) expect(s.result?.score).toBeUndefined(); // §9.5.1
    if (!["passed", "failed"].includes(verb(s)) && defined) expect(s.result?.success).toBeUndefined(); // §9.5.2
    if (verb(s) !== "completed" && defined) expect(s.result?.completion).toBeUndefined(); // §9.5.3
    if (["completed", "passed", "failed", "terminated"].includes(verb(s))) expect(s.result?.duration).toMatch(ISO_DURATION); // §9.5.4.1
  }
  const completedAt = session.findIndex((s) => verb(s) === "completed");
  if (completedAt >= 0) expect(session.slice(completedAt).some((s) => verb(s) === "progressed")).toBe(false); // §9.5.5.1
}

describe("a cmi5 AU launched by an LMS", () => {
  const stage = useLrsStage(UNIT, "cmi5");
  /** Launches, lets `play` act as the learner, leaves the page, and returns the AU's statements of that session. */
  async function session(l: Cmi5Registration, play: (page: import("playwright-core").Page) => Promise<void>) {
    const before = (await stage.lrs.statements({ registration: l.registration })).filter((s) => verb(s) === "terminated").length;
    const { page, context } = await openLaunch(stage.browser, l.url);
    await play(page);
    await page.goto("about:blank");
    const all = await waitForVerb(stage.lrs, l.registration, "terminated", before + 1);
    await context.close();
    return sessionOf(all, l);
  }

  it("in Normal mode: one POST to fetch, the LaunchData's template kept, cmi5's statement rules, the unit's mastery score; a relaunch completes nothing twice", async () => {
    const l = await cmi5Launch(stage.lrs, stage.packageUrl, stage.built.dir);
    const statements = await session(l, async (page) => {
      await completeUnit(page.mainFrame(), await readUnit(UNIT));
    });
    expect(l.fetchCalls()).toEqual([{ method: "POST", answered: "token" }]); // §8.2: POST, once
    expect(verbsOf(statements)).toEqual(FULL_JOURNEY);
    expectCmi5Session(statements, l);
    const completed = statements.find((s) => verb(s) === "completed")!;
    expect(completed.result).toEqual({ completion: true, duration: expect.stringMatching(ISO_DURATION) });
    const passed = statements.find((s) => verb(s) === "passed")!;
    expect(passed.result).toMatchObject({ success: true, score: { scaled: 1, raw: 100, min: 0, max: 100 } });
    expect(passed.context!.extensions![MASTERY]).toBe(0.6); // cmi5.xml's masteryScore, handed back in LaunchData
    // The AU never writes LMS.LaunchData (§10); its own progress goes to its own state document.
    expect(stage.lrs.documents.writes.filter((w) => w.query.stateId === "LMS.LaunchData")).toEqual([]);
    expect(stage.lrs.documents.writes.some((w) => w.query.stateId === "skillpack.progress" && w.query.registration === l.registration && w.status === 204)).toBe(true);
    expect(stage.lrs.requests.filter((r) => r.path.startsWith("/xAPI/") && r.status >= 400 && r.status !== 404)).toEqual([]);

    // The same registration again, a new session: resumed, and no second completed or passed (§9.3).
    const again = await cmi5Launch(stage.lrs, stage.packageUrl, stage.built.dir, { registration: l.registration, actor: l.actor, activityId: l.activityId });
    const second = await session(again, async (page) => {
      await page.waitForSelector('[data-page="s-check"]:not([hidden])');
    });
    expect(again.fetchCalls()).toEqual([{ method: "POST", answered: "token" }]);
    expect(verbsOf(second)).toEqual(["initialized", "resumed", "experienced", "terminated"]);
    expectCmi5Session(second, again);
  });

  it("in Browse mode sends only initialized and terminated, and keeps no progress", async () => {
    const l = await cmi5Launch(stage.lrs, stage.packageUrl, stage.built.dir, { launchMode: "Browse" });
    const statements = await session(l, async (page) => {
      await completeUnit(page.mainFrame(), await readUnit(UNIT));
    });
    expect(verbsOf(statements)).toEqual(["initialized", "terminated"]); // §10 launchMode
    expectCmi5Session(statements, l);
    expect(l.fetchCalls()).toEqual([{ method: "POST", answered: "token" }]);
    expect(stage.lrs.documents.writes.filter((w) => w.query.registration === l.registration)).toEqual([]);
  });

  it("judges by the masteryScore in LaunchData over the unit's own pass mark, and the learner is shown that one", async () => {
    // The unit passes at 60%; this LMS asks for 90%. 7 of 8 points is 87.5%: the unit's pass, the LMS's not.
    const l = await cmi5Launch(stage.lrs, stage.packageUrl, stage.built.dir, { masteryScore: 0.9 });
    const unit = await readUnit(UNIT);
    const statements = await session(l, async (page) => {
      const frame = page.mainFrame();
      await playerReady(frame);
      await goToPage(frame, "s-check");
      expect(await frame.textContent("#b-quiz .sp-quiz-rules")).toBe("Questions: 7. You need 90% to pass. Attempts: 3.");
      await answerQuiz(frame, "b-quiz", unit, (q) => q.id !== "q-single");
      expect(await submitQuiz(frame, "b-quiz")).toBe(87.5);
      expect(await frame.textContent("#b-quiz .sp-not-passed")).toBe("You need 90% to pass.");
      // Not passed, attempts left: the learner tries again, and passes by the LMS's measure.
      await frame.click('#b-quiz .sp-result [class~="sp-button-primary"]');
      await answerQuiz(frame, "b-quiz", unit, () => true);
      expect(await submitQuiz(frame, "b-quiz")).toBe(100);
      await frame.waitForSelector("#b-quiz .sp-passed");
    });
    expectCmi5Session(statements, l);
    expect(statements.some((s) => verb(s) === "failed")).toBe(false);
    const passed = statements.find((s) => verb(s) === "passed")!;
    expect(passed.result).toMatchObject({ success: true, score: { scaled: 1, raw: 100, min: 0, max: 100 } });
    expect(passed.context!.extensions![MASTERY]).toBe(0.9); // §9.6.3.2
    expect(statements.filter((s) => verb(s) === "answered").map((s) => s.result!.success)).toEqual([false, ...Array(13).fill(true)]);
  });

  it("passes by a masteryScore lower than the unit's pass mark, as the LMS will", async () => {
    // 4 of 8 points is 50%: under the unit's 60%, over this LMS's 40%.
    const l = await cmi5Launch(stage.lrs, stage.packageUrl, stage.built.dir, { masteryScore: 0.4 });
    const unit = await readUnit(UNIT);
    const statements = await session(l, async (page) => {
      const frame = page.mainFrame();
      await playerReady(frame);
      await goToPage(frame, "s-check");
      await answerQuiz(frame, "b-quiz", unit, (q) => ["q-single", "q-multi", "q-truefalse"].includes(q.id));
      expect(await submitQuiz(frame, "b-quiz")).toBe(50);
      expect(await frame.textContent("#b-quiz .sp-passed")).toBe("Well done, you passed!");
    });
    expectCmi5Session(statements, l);
    const passed = statements.find((s) => verb(s) === "passed")!;
    expect(passed.result).toMatchObject({ success: true, score: { scaled: 0.5, raw: 50 } });
    expect(passed.context!.extensions![MASTERY]).toBe(0.4);
  });

  it("gives up cleanly when the fetch URL was already used: no statement is sent", async () => {
    const l = await cmi5Launch(stage.lrs, stage.packageUrl, stage.built.dir);
    // Someone else took the token first (§8.2.3.1: the second request gets error-code 1).
    await fetch(new URLSearchParams(new URL(l.url).search).get("fetch")!, { method: "POST" });
    const { page, context, console } = await openLaunch(stage.browser, l.url);
    await page.waitForSelector("#sp-notice:not([hidden])");
    // Nothing can be kept, and the learner is told so, with what to do; no Exit to a session that never began.
    expect(await page.textContent("#sp-notice")).toBe(UI_STRINGS.en.notConnected);
    expect(await page.isHidden("#sp-exit")).toBe(true);
    await page.goto("about:blank");
    await context.close();
    expect(console.join("\n")).toContain("error-code 1");
    expect(sessionOf(await stage.lrs.statements({ registration: l.registration }), l)).toEqual([]);
  });
});
