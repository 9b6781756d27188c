// What the LMS ends up holding when things go wrong or get interrupted: a failed quiz, a zero score, a
// relaunch, an LMS that refuses to save for a while, a tab closed mid-unit.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/launch-chromium.js";
import { openInLms } from "../helpers/scorm12-lms.js";
import type { Unit } from "../../src/shared/unit-types.js";
import { UI_STRINGS } from "../../src/shared/ui-strings.js";
import {
  answerQuestion, answerQuiz, blocksOf, buildAndUnzip, expectValidInteraction, goToPage, playScenario, JOURNEY_UNIT, leavePage, playerReady, readUnit, submitQuiz,
  takeSelfAssessment, writeReflection,
} from "./player-support.js";

let browser: Browser;
let packages: Record<string, string>;
let unit: Unit;
const statements = ["st-breathe", "st-listen", "st-ask"];

beforeAll(async () => {
  [browser, packages, unit] = await Promise.all([launchChromium(), buildAndUnzip(JOURNEY_UNIT, { languages: ["en"] }), readUnit(JOURNEY_UNIT)]);
});
afterAll(async () => {
  await browser?.close();
});

describe("tracking through SCORM 1.2 (Chromium, strict test LMS)", () => {
  it("says failed only after the last attempt, and reports a zero score as 0", async () => {
    const lms = await openInLms(browser, { packageDir: packages.en! });
    try {
      const frame = lms.frame();
      await playerReady(frame);
      await goToPage(frame, "s-check");
      await answerQuiz(frame, "qz-final", unit, () => false);
      expect(await submitQuiz(frame, "qz-final")).toBe(0);
      await frame.waitForSelector('#qz-final .sp-result button:has-text("Try again")');
      // One attempt of two used: nothing final yet, so neither "failed" nor a score Moodle could act on.
      let data = await lms.lmsData();
      expect(data.cmi.core.lesson_status).toBe("incomplete");
      expect(data.cmi.core.score.raw).toBe("");
      await frame.click('#qz-final .sp-result button:has-text("Try again")');
      await answerQuiz(frame, "qz-final", unit, () => false);
      expect(await submitQuiz(frame, "qz-final")).toBe(0);
      await frame.waitForSelector('#qz-final .sp-result:has-text("You have used all your attempts.")');
      expect(await frame.$('#qz-final .sp-result button:has-text("Try again")')).toBeNull();
      data = await lms.lmsData();
      expect(data.cmi.core.lesson_status).toBe("failed");
      expect(data.values["cmi.core.score.raw"]).toBe("0");
      expect(data.cmi.core.score.raw).toBe("0");
      await leavePage(frame);
      await expect.poll(async () => (await lms.lmsData()).finished).toBe(true);
      data = await lms.lmsData();
      expect(data.cmi.core.lesson_status).toBe("failed");
      const interactions = Object.values(data.cmi.interactions);
      expect(interactions).toHaveLength(12);
      for (const i of interactions) {
        expectValidInteraction(i);
        expect(i.result).toBe("wrong");
      }
      // The second attempt's interactions have their own ids.
      expect(new Set(interactions.map((i) => i.id)).size).toBe(12);
      expect(await lms.breaches()).toEqual([]);
    } finally {
      await lms.close();
    }
  });

  it("judges the final quiz by the LMS's mastery_score, as Moodle will at LMSFinish, and tells the learner that mark; no Exit button", async () => {
    // The unit passes at 70%; this LMS's manifest was edited to ask for 100%.
    const lms = await openInLms(browser, { packageDir: packages.en!, cmi: { "cmi.student_data.mastery_score": "100" } });
    try {
      const frame = lms.frame();
      await playerReady(frame);
      expect(await frame.isHidden("#sp-exit")).toBe(true); // SCORM 1.2 gives a SCO no way back; the LMS has its own exit
      await goToPage(frame, "s-check");
      expect(await frame.textContent("#qz-final .sp-quiz-rules")).toBe("Questions: 6. You need 100% to pass. Attempts: 2.");
      let wrong = 1;
      await answerQuiz(frame, "qz-final", unit, () => wrong-- <= 0);
      const score = await submitQuiz(frame, "qz-final");
      expect(score).toBeGreaterThanOrEqual(70); // a pass by the unit's own mark…
      expect(score).toBeLessThan(100);
      expect(await frame.textContent("#qz-final .sp-not-passed")).toBe("You need 100% to pass."); // …not by this LMS's
      expect((await lms.lmsData()).cmi.core.lesson_status).toBe("incomplete");
      await frame.click('#qz-final .sp-result button:has-text("Try again")');
      await answerQuiz(frame, "qz-final", unit, () => true);
      expect(await submitQuiz(frame, "qz-final")).toBe(100);
      const data = await lms.lmsData();
      expect(data.cmi.core.lesson_status).toBe("passed");
      expect(data.cmi.core.score.raw).toBe("100");
    } finally {
      await lms.close();
    }
  });

  it("resumes a relaunch on the same page with the same answers, points, badges, level and notebook", async () => {
    const first = await openInLms(browser, { packageDir: packages.en! });
    let cmi: Record<string, unknown>;
    let before: { status: string; notebook: string; answers: string[] };
    try {
      const frame = first.frame();
      await playerReady(frame);
      await takeSelfAssessment(frame, "sa-calm", "sa-calm", [1, 2, 4], statements);
      await writeReflection(frame, "r-hope", "Zażółć gęślą jaźń – ąčęėįšųūž");
      await goToPage(frame, "s-talk");
      await playScenario(frame, "sc-shift", ["c-ask", "c-plan"]);
      await frame.waitForSelector("#sc-shift .sp-outcome-best");
      await goToPage(frame, "s-practise");
      for (const [item, category] of [["i-fire", "cat-now"], ["i-course", "cat-later"], ["i-spill", "cat-now"]])
        await frame.check(`input[name="so-tasks-${item}"][value="${category}"]`);
      await frame.click('#so-tasks [data-action="check"]');
      await frame.selectOption("#ma-feel-p-sad", "p-sad");
      await goToPage(frame, "s-check");
      const drawn = await frame.$$eval("#qz-final li.sp-question:not([hidden])", (els) => els.map((e) => (e as HTMLElement).dataset.question!));
      const quiz = blocksOf(unit).find((b) => b.id === "qz-final")!;
      if (quiz.kind !== "quiz") throw new Error("quiz");
      for (const id of drawn.slice(0, 3)) await answerQuestion(frame, quiz.questions.find((q) => q.id === id)!, true);
      await goToPage(frame, "s-practise");
      before = {
        status: (await frame.textContent("#sp-status"))!,
        notebook: "Zażółć gęślą jaźń – ąčęėįšųūž",
        answers: drawn,
      };
      expect(before.status).toContain("Peacemaker");
      await leavePage(frame);
      await expect.poll(async () => (await first.lmsData()).finished).toBe(true);
      const data = await first.lmsData();
      expect(data.cmi.core.exit).toBe("suspend");
      expect(data.cmi.core.lesson_location).toBe("s-practise");
      cmi = data.cmi;
    } finally {
      await first.close();
    }

    const second = await openInLms(browser, { packageDir: packages.en!, cmi });
    try {
      const frame = second.frame();
      await playerReady(frame);
      // Same page, same points, level and badges.
      await frame.waitForSelector('[data-page="s-practise"]:not([hidden])');
      expect(await frame.textContent("#sp-status")).toBe(before.status);
      // Activities as they were left.
      expect(await frame.isChecked('input[name="so-tasks-i-course"][value="cat-later"]')).toBe(true);
      expect(await frame.inputValue("#ma-feel-p-sad")).toBe("p-sad");
      expect(await frame.textContent("#so-tasks .sp-result")).toContain("3 of 3");
      await goToPage(frame, "s-start");
      expect(await frame.inputValue("#r-hope-answer")).toBe(before.notebook);
      expect(await frame.isChecked('input[name="sa-calm-st-ask"][value="4"]')).toBe(true);
      await frame.waitForSelector("#sa-calm .sp-profile");
      await goToPage(frame, "s-talk");
      await frame.waitForSelector("#sc-shift .sp-outcome-best");
      await goToPage(frame, "s-check");
      // The same drawn questions, in the same order, with the answers given.
      const drawn = await frame.$$eval("#qz-final li.sp-question:not([hidden])", (els) => els.map((e) => (e as HTMLElement).dataset.question!));
      expect(drawn).toEqual(before.answers);
      await goToPage(frame, "_notebook");
      expect(await frame.textContent('[data-note="r-hope"] .sp-note-text')).toBe(before.notebook);
      // Finish the quiz in this launch: the journal continues after the first launch's interactions.
      await goToPage(frame, "s-check");
      await answerQuiz(frame, "qz-final", unit, () => true);
      await submitQuiz(frame, "qz-final");
      await leavePage(frame);
      await expect.poll(async () => (await second.lmsData()).finished).toBe(true);
      const data = await second.lmsData();
      expect(data.cmi.core.lesson_status).toBe("passed");
      const interactions = Object.values(data.cmi.interactions);
      expect(interactions).toHaveLength(3 + 6);
      expect(interactions.slice(0, 3).every((i) => i.type === "likert")).toBe(true);
      expect(await second.breaches()).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it("keeps going while the LMS refuses to save, shows a calm notice, and saves everything once it recovers", { timeout: 120_000 }, async () => {
    const lms = await openInLms(browser, { packageDir: packages.en!, faults: { failAllUntil: 5000 } });
    try {
      const frame = lms.frame();
      await playerReady(frame);
      await takeSelfAssessment(frame, "sa-calm", "sa-calm", [2, 3, 4], statements);
      await writeReflection(frame, "r-hope", "Saved after all.");
      // Kept in this browser meanwhile (the device copy), so the notice is the calm one.
      await frame.waitForSelector(`#sp-notice:not([hidden]):has-text("${UI_STRINGS.en.savedOffline}")`);
      await goToPage(frame, "s-talk");
      // The LMS comes back at 5 s; the player's retries carry everything over and the notice goes.
      await frame.waitForSelector("#sp-notice", { state: "hidden", timeout: 30_000 });
      await leavePage(frame);
      await expect.poll(async () => (await lms.lmsData()).finished).toBe(true);
      const data = await lms.lmsData();
      const calls = await lms.calls();
      expect(calls.some((c) => c.fault)).toBe(true);
      expect(data.cmi.core.lesson_status).toBe("incomplete");
      expect(data.cmi.core.exit).toBe("suspend");
      expect(data.cmi.core.lesson_location).toBe("s-talk");
      const interactions = Object.values(data.cmi.interactions);
      expect(interactions).toHaveLength(3);
      for (const i of interactions) expectValidInteraction(i);
      expect(await lms.breaches()).toEqual([]);
      // A relaunch shows the text written while saving failed.
      const again = await openInLms(browser, { packageDir: packages.en!, cmi: data.cmi });
      try {
        await playerReady(again.frame());
        await goToPage(again.frame(), "s-start");
        expect(await again.frame().inputValue("#r-hope-answer")).toBe("Saved after all.");
      } finally {
        await again.close();
      }
    } finally {
      await lms.close();
    }
  });

  it("keeps in the browser what an LMS that cannot save never took, and hands it over on the next launch", async () => {
    // The LMS refuses every save for the whole first session, LMSFinish included (a Moodle whose server
    // cannot be reached): without the device copy, all of it would be gone with the tab.
    const first = await openInLms(browser, { packageDir: packages.en!, faults: { failAllUntil: 10 * 60_000 } });
    let second: Awaited<ReturnType<typeof openInLms>> | undefined;
    try {
      let frame = first.frame();
      await playerReady(frame);
      await writeReflection(frame, "r-hope", "Written while the LMS was away.");
      await goToPage(frame, "s-check");
      await answerQuiz(frame, "qz-final", unit, () => true);
      expect(await submitQuiz(frame, "qz-final")).toBe(100);
      await frame.waitForSelector(`#sp-notice:not([hidden]):has-text("${UI_STRINGS.en.savedOffline}")`);
      await leavePage(frame);
      const lost = await first.lmsData();
      expect(lost.cmi.suspend_data).toBe(""); // the LMS took nothing
      expect(Object.keys(lost.cmi.interactions)).toHaveLength(0);
      await first.close({ keepBrowser: true });

      // The learner comes back in the same browser; the LMS works again and still holds its old data.
      second = await openInLms(browser, { packageDir: packages.en!, cmi: lost.cmi, sameBrowser: first.browser });
      frame = second.frame();
      await playerReady(frame);
      await frame.waitForSelector('[data-page="s-check"]:not([hidden])'); // where the learner left
      await frame.waitForSelector("#qz-final .sp-passed");
      await goToPage(frame, "s-start");
      expect(await frame.inputValue("#r-hope-answer")).toBe("Written while the LMS was away.");
      const data = await second.lmsData();
      expect(data.cmi.core.lesson_status).toBe("passed");
      expect(data.cmi.core.score.raw).toBe("100");
      const interactions = Object.values(data.cmi.interactions);
      expect(interactions).toHaveLength(6);
      for (const i of interactions) expectValidInteraction(i);
      expect(await second.breaches()).toEqual([]);
      // Handed over and committed: the copy is gone from the browser.
      expect(await frame.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('skillpack:scorm12:'))")).toEqual([]);
    } finally {
      await second?.close();
      await first.close({ keepBrowser: true }).catch(() => undefined); // already closed when the test got that far
      await first.browser.context.close();
    }
  });

  it("lets the LMS win when it has moved on since the browser kept its copy (the learner went on elsewhere)", async () => {
    // On another device the learner went on, and that LMS session saved.
    const elsewhere = await openInLms(browser, { packageDir: packages.en! });
    await playerReady(elsewhere.frame());
    await writeReflection(elsewhere.frame(), "r-hope", "Written on the other device.");
    await leavePage(elsewhere.frame());
    await expect.poll(async () => (await elsewhere.lmsData()).finished).toBe(true);
    const newer = (await elsewhere.lmsData()).cmi;
    await elsewhere.close();
    // Earlier, on this device, a session whose saves the LMS never took left a copy here.
    const here = await openInLms(browser, { packageDir: packages.en!, faults: { failAllUntil: 10 * 60_000 } });
    let again: Awaited<ReturnType<typeof openInLms>> | undefined;
    try {
      await playerReady(here.frame());
      await writeReflection(here.frame(), "r-hope", "An older thought.");
      await here.frame().waitForSelector(`#sp-notice:not([hidden]):has-text("${UI_STRINGS.en.savedOffline}")`);
      await leavePage(here.frame());
      await here.close({ keepBrowser: true });
      again = await openInLms(browser, { packageDir: packages.en!, cmi: newer, sameBrowser: here.browser });
      const frame = again.frame();
      await playerReady(frame);
      expect(await frame.inputValue("#r-hope-answer")).toBe("Written on the other device.");
      expect(await frame.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('skillpack:scorm12:'))")).toEqual([]);
      expect((await again.lmsData()).cmi.suspend_data).toBe(newer.suspend_data);
    } finally {
      await again?.close();
      await here.close({ keepBrowser: true }).catch(() => undefined);
      await here.browser.context.close();
    }
  });

  it("saves the last answer when the page is closed mid-unit, even mid-sentence", async () => {
    const lms = await openInLms(browser, { packageDir: packages.en! });
    try {
      const frame = lms.frame();
      await playerReady(frame);
      await goToPage(frame, "s-check");
      const first = await frame.$eval("#qz-final li.sp-question:not([hidden])", (e) => (e as HTMLElement).dataset.question!);
      const quiz = blocksOf(unit).find((b) => b.id === "qz-final");
      if (quiz?.kind !== "quiz") throw new Error("quiz");
      const question = quiz.questions.find((q) => q.id === first)!;
      await answerQuestion(frame, question, true);
      await goToPage(frame, "s-start");
      // Typed, not yet left: still inside the typing pause when the page goes.
      await frame.fill("#r-hope-answer", "Half a thought");
      await leavePage(frame);
      await expect.poll(async () => (await lms.lmsData()).finished).toBe(true);
      const data = await lms.lmsData();
      const again = await openInLms(browser, { packageDir: packages.en!, cmi: data.cmi });
      try {
        const f = again.frame();
        await playerReady(f);
        await f.waitForSelector('[data-page="s-start"]:not([hidden])');
        expect(await f.inputValue("#r-hope-answer")).toBe("Half a thought");
        await goToPage(f, "s-check");
        // The draw is random: a sequence's answer is its order, every other type's is in its inputs.
        if (question.type === "sequencing")
          expect(await f.$$eval(`li[data-question="${first}"] li[data-item]`, (els) => els.map((e) => (e as HTMLElement).dataset.item))).toEqual(question.items.map((i) => i.id));
        else {
          const restored = await f.$eval(`li[data-question="${first}"]`, (li) =>
            [...li.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input, select")].some((c) => ("checked" in c && c.type !== "text" ? c.checked : c.value !== "")),
          );
          expect(restored).toBe(true);
        }
      } finally {
        await again.close();
      }
      expect(await lms.breaches()).toEqual([]);
    } finally {
      await lms.close();
    }
  });
});
