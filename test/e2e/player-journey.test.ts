// The learner's whole journey in real Chromium, inside the strict SCORM 1.2 test LMS (scorm-again behind a
// facade that records every breach of the SCORM 1.2 limits): then what the LMS holds.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/launch-chromium.js";
import { openInLms, type LmsSession } from "../helpers/scorm12-lms.js";
import type { Unit } from "../../src/shared/unit-types.js";
import {
  answerQuiz, buildAndUnzip, completeUnit, expectValidInteraction, goToPage, playScenario, JOURNEY_UNIT, leavePage, playerReady, readUnit, REPO, submitQuiz, takeSelfAssessment, writeReflection,
} from "./player-support.js";
import { readFile } from "node:fs/promises";
import path from "node:path";

const REAL_UNIT = path.join(REPO, "units/emotional-intelligence");

let browser: Browser;
let packages: Record<string, string>;
let unit: Unit;
const statements = ["st-breathe", "st-listen", "st-ask"];

beforeAll(async () => {
  [browser, packages, unit] = await Promise.all([launchChromium(), buildAndUnzip(JOURNEY_UNIT), readUnit(JOURNEY_UNIT)]);
});
afterAll(async () => {
  await browser?.close();
});

/** Everything a learner does in the unit except the quiz. */
async function doEverythingButTheQuiz(lms: LmsSession): Promise<void> {
  const frame = lms.frame();
  await playerReady(frame);
  await takeSelfAssessment(frame, "sa-calm", "sa-calm", [2, 2, 3], statements);
  await writeReflection(frame, "r-hope", "Listen more, speak calmly. Łódź ž ą 🙂");
  await goToPage(frame, "s-talk");
  await playScenario(frame, "sc-shift", ["c-ask", "c-plan"]);
  await frame.waitForSelector("#sc-shift .sp-outcome-best");
  await writeReflection(frame, "r-talk", "I will ask first.");
  await goToPage(frame, "s-practise");
  await frame.check('input[name="so-tasks-i-fire"][value="cat-now"]');
  await frame.check('input[name="so-tasks-i-course"][value="cat-later"]');
  await frame.check('input[name="so-tasks-i-spill"][value="cat-now"]');
  await frame.click('#so-tasks [data-action="check"]');
  await frame.waitForSelector("#so-tasks .sp-verdict-right");
  for (const id of ["p-angry", "p-sad", "p-happy"]) await frame.selectOption(`#ma-feel-${id}`, id);
  await frame.click('#ma-feel [data-action="check"]');
  await goToPage(frame, "s-end");
  await takeSelfAssessment(frame, "sa-calm-after", "sa-calm-after", [3, 4, 3], statements);
  await writeReflection(frame, "r-next", "Breathe before meetings.");
}

describe("the learner's journey (SCORM 1.2, Chromium)", () => {
  it("reads, does every activity, fills the notebook, passes the quiz; the LMS holds it all in SCORM 1.2's formats", async () => {
    const lms = await openInLms(browser, { packageDir: packages.en! });
    try {
      const frame = lms.frame();
      await doEverythingButTheQuiz(lms);
      await goToPage(frame, "s-check");
      const drawn = await answerQuiz(frame, "qz-final", unit, () => true);
      expect(drawn).toHaveLength(6);
      const shown = await submitQuiz(frame, "qz-final");
      expect(shown).toBe(100);
      await frame.waitForSelector("#qz-final .sp-passed");

      // Game elements on screen.
      const status = await frame.textContent("#sp-status");
      expect(status).toContain("Calm pro");
      for (const badge of ["Peacemaker", "First try", "Thinker", "Growing", "Sorted", "High score"])
        expect(await frame.$eval(`#sp-status .sp-badge.sp-earned:has-text("${badge}")`, (e) => e.textContent)).toContain(badge);

      // Badges and level-ups were announced in the live region as they came.
      await frame.waitForSelector('#sp-live:has-text("New badge: First try!")', { state: "attached" });

      // My notebook lists every prompt with the learner's words, and downloads them as a text file.
      await goToPage(frame, "_notebook");
      expect(await frame.textContent('[data-note="r-hope"] .sp-note-text')).toBe("Listen more, speak calmly. Łódź ž ą 🙂");
      expect(await frame.textContent('[data-note="r-next"] .sp-note-text')).toBe("Breathe before meetings.");
      const [download] = await Promise.all([lms.page.waitForEvent("download"), frame.click('#sp-notebook [data-action="download"]')]);
      expect(download.suggestedFilename()).toBe("player-journey-notebook.txt");
      const file = await readFile((await download.path())!, "utf8");
      expect(file).toContain("What do you want to do better at work?");
      expect(file).toContain("Listen more, speak calmly. Łódź ž ą 🙂");

      await leavePage(frame);
      await expect.poll(async () => (await lms.lmsData()).finished).toBe(true);
      const data = await lms.lmsData();
      expect(data.cmi.core.lesson_status).toBe("passed");
      expect(data.cmi.core.score.raw).toBe(String(shown));
      expect(data.cmi.core.score.min).toBe("0");
      expect(data.cmi.core.score.max).toBe("100");
      expect(data.cmi.suspend_data.length).toBeGreaterThan(0);
      expect(data.cmi.suspend_data.length).toBeLessThanOrEqual(4096);
      const interactions = Object.values(data.cmi.interactions);
      // One per quiz question answered and one per self-assessment statement, before and after.
      expect(interactions).toHaveLength(drawn.length + 2 * statements.length);
      for (const i of interactions) expectValidInteraction(i);
      expect(interactions.filter((i) => i.type === "likert")).toHaveLength(6);
      expect(new Set(interactions.map((i) => i.id)).size).toBe(interactions.length);
      expect(interactions.filter((i) => i.type !== "likert").every((i) => i.result === "correct")).toBe(true);
      expect(await lms.breaches()).toEqual([]);
      const calls = await lms.calls();
      expect(calls.filter((c) => c.name === "LMSFinish")).toHaveLength(1);
      expect(calls.filter((c) => c.name === "LMSInitialize")).toHaveLength(1);
      // Score only once the quiz is over (Moodle's mastery override reads it at LMSFinish).
      const firstScore = calls.findIndex((c) => c.name === "LMSSetValue" && c.args[0] === "cmi.core.score.raw");
      const firstIncomplete = calls.findIndex((c) => c.name === "LMSSetValue" && c.args[0] === "cmi.core.lesson_status" && c.args[1] === "incomplete");
      expect(firstIncomplete).toBeGreaterThanOrEqual(0);
      expect(firstIncomplete).toBeLessThan(firstScore);
    } finally {
      await lms.close();
    }
  });

  it("goes through the real unit, emotional-intelligence: passed, the score shown, valid interactions, every badge", { timeout: 120_000 }, async () => {
    const [realPackages, real] = await Promise.all([buildAndUnzip(REAL_UNIT, { languages: ["en"] }), readUnit(REAL_UNIT)]);
    const lms = await openInLms(browser, { packageDir: realPackages.en! });
    try {
      const frame = lms.frame();
      const { drawn, score, statements: likert } = await completeUnit(frame, real);
      expect(score).toBe(100);
      for (const badge of real.gamification?.badges ?? []) await frame.waitForSelector(`#sp-status .sp-badge.sp-earned:has-text("${badge.name}")`, { state: "attached" });
      await leavePage(frame);
      await expect.poll(async () => (await lms.lmsData()).finished).toBe(true);
      const data = await lms.lmsData();
      expect(data.cmi.core.lesson_status).toBe("passed");
      expect(data.cmi.core.score.raw).toBe(String(score));
      expect(data.cmi.suspend_data.length).toBeLessThanOrEqual(4096);
      const interactions = Object.values(data.cmi.interactions);
      expect(interactions).toHaveLength(drawn.length + likert);
      for (const i of interactions) expectValidInteraction(i);
      expect(await lms.breaches()).toEqual([]);
    } finally {
      await lms.close();
    }
  });
});
