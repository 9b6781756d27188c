// Accessibility in real Chromium: axe-core finds no WCAG 2.1 A/AA violation on any kind of page or state,
// nothing scrolls sideways at 320 px, and the whole journey can be done with the keyboard alone.
import path from "node:path";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/launch-chromium.js";
import { openInLms } from "../helpers/scorm12-lms.js";
import type { QuizQuestion, Unit } from "../../src/shared/unit-types.js";
import { axeViolations, blocksOf, buildAndUnzip, buildMultilingual, completeUnit, goToPage, JOURNEY_UNIT, leavePage, playerReady, readUnit, REPO } from "./player-support.js";

const REAL_UNIT = path.join(REPO, "units/emotional-intelligence");
let browser: Browser;
let journey: string;
let real: string;
let multilingual: string;
let journeyUnit: Unit;
let realUnit: Unit;

beforeAll(async () => {
  [browser, journey, real, multilingual, journeyUnit, realUnit] = await Promise.all([
    launchChromium(),
    buildAndUnzip(JOURNEY_UNIT, { languages: ["en"] }).then((d) => d.en!),
    buildAndUnzip(REAL_UNIT, { languages: ["en"] }).then((d) => d.en!),
    buildMultilingual(JOURNEY_UNIT),
    readUnit(JOURNEY_UNIT),
    readUnit(REAL_UNIT),
  ]);
});
afterAll(async () => {
  await browser?.close();
});

async function noSidewaysScroll(frame: Frame, what: string): Promise<string[]> {
  const [scroll, width] = (await frame.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")) as [number, number];
  return scroll > width ? [`${what}: ${scroll}px wide in a ${width}px window`] : [];
}

describe("accessibility (Chromium)", () => {
  const cases = [
    { name: "the test unit at 1280 px", unit: () => journeyUnit, dir: () => journey, width: 1280 },
    { name: "the real unit at 320 px", unit: () => realUnit, dir: () => real, width: 320 },
    { name: "a two-language package at 320 px", unit: () => journeyUnit, dir: () => multilingual, width: 320 },
  ];
  it.each(cases)("has no WCAG 2.1 A/AA violation on any page type or state, nothing sideways at 320 px: $name", async ({ unit: unitOf, dir, width }) => {
    const unit = unitOf();
    const problems: string[] = [];
    const lms = await openInLms(browser, { packageDir: dir(), viewport: { width, height: 800 } });
    try {
      const frame = lms.frame();
      await playerReady(frame);
      const check = async (what: string) => {
        problems.push(...(await axeViolations(frame, `${unit.id}@${width} ${what}`)));
        if (width === 320) problems.push(...(await noSidewaysScroll(frame, `${unit.id} ${what}`)));
      };
      // Every page untouched.
      for (const section of unit.sections) {
        await goToPage(frame, section.id);
        await check(`page ${section.id}`);
      }
      await goToPage(frame, "_notebook");
      await check("empty notebook");
      // Every activity done: profiles, checked activities, scenario endings, quiz results and feedback.
      await completeUnit(frame, unit);
      for (const section of unit.sections) {
        await goToPage(frame, section.id);
        await check(`page ${section.id} done`);
      }
      if (width === 320) await frame.click("#sp-menu-toggle");
      await frame.click("#sp-status .sp-badges summary");
      await check("badge shelf open");
      await goToPage(frame, "_notebook");
      await check("notebook");
    } finally {
      await lms.close();
    }
    expect(problems).toEqual([]);
  }, 180_000);

  it("has no violation on a failed attempt with its feedback, the unanswered warning and the retry offer", async () => {
    const problems: string[] = [];
    const lms = await openInLms(browser, { packageDir: journey, viewport: { width: 320, height: 800 } });
    try {
      const frame = lms.frame();
      const check = async (what: string) => problems.push(...(await axeViolations(frame, what)), ...(await noSidewaysScroll(frame, what)));
      await playerReady(frame);
      await goToPage(frame, "s-check");
      await frame.click('#qz-final [data-action="submit"]');
      await check("quiz: unanswered warning");
      await frame.click('#qz-final [data-action="submit"]');
      await frame.waitForSelector("#qz-final .sp-score");
      await check("quiz: failed attempt");
    } finally {
      await lms.close();
    }
    expect(problems).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------- keyboard only

/** Presses Tab (then Shift+Tab) until the focused element in the frame matches the selector. */
async function tabTo(page: Page, frame: Frame, selector: string): Promise<void> {
  const focused = () => frame.evaluate(`!!document.activeElement && document.activeElement.matches(${JSON.stringify(selector)})`);
  for (const key of ["Tab", "Shift+Tab"]) {
    for (let i = 0; i < 250; i++) {
      if (await focused()) return;
      await page.keyboard.press(key);
    }
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** In a radio group: Space picks the focused radio, arrows move the choice until `value` is checked. */
async function chooseRadio(page: Page, frame: Frame, name: string, value: string): Promise<void> {
  await tabTo(page, frame, `input[name="${name}"]`);
  await page.keyboard.press("Space");
  for (let i = 0; i < 12; i++) {
    if (await frame.evaluate(`document.querySelector('input[name="${name}"][value="${value}"]').checked`)) return;
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`could not choose ${value} in ${name}`);
}

/** A closed <select>: arrow keys change its value. */
async function chooseOption(page: Page, frame: Frame, selector: string, value: string): Promise<void> {
  await tabTo(page, frame, selector);
  for (let i = 0; i < 15; i++) {
    if ((await frame.evaluate(`document.querySelector(${JSON.stringify(selector)}).value`)) === value) return;
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`could not choose ${value} in ${selector}`);
}

async function typeInto(page: Page, frame: Frame, selector: string, text: string): Promise<void> {
  await tabTo(page, frame, selector);
  await page.keyboard.type(text);
  await page.keyboard.press("Tab"); // leaving the box saves it
}

async function activate(page: Page, frame: Frame, selector: string): Promise<void> {
  await tabTo(page, frame, selector);
  await page.keyboard.press("Enter");
}

async function answerByKeyboard(page: Page, frame: Frame, q: QuizQuestion): Promise<void> {
  const li = `li[data-question="${q.id}"]`;
  switch (q.type) {
    case "singleChoice":
      return chooseRadio(page, frame, q.id, q.options.find((o) => o.correct)!.id);
    case "multipleResponse":
      for (const o of q.options.filter((x) => x.correct)) {
        await tabTo(page, frame, `${li} input[value="${o.id}"]`);
        await page.keyboard.press("Space");
      }
      return;
    case "trueFalse":
      return chooseRadio(page, frame, q.id, String(q.answer));
    case "matching":
      for (const p of q.pairs) await chooseOption(page, frame, `${li} select[data-pair="${p.id}"]`, p.id);
      return;
    case "sequencing":
      for (const [position, item] of q.items.entries()) {
        for (;;) {
          const order = (await frame.evaluate(`[...document.querySelectorAll('${li} li[data-item]')].map((e) => e.dataset.item)`)) as string[];
          if (order.indexOf(item.id) <= position) break;
          await activate(page, frame, `${li} li[data-item="${item.id}"] [data-move="up"]`);
        }
      }
      return;
    case "fillIn":
      return typeInto(page, frame, `${li} input[type=text]`, q.accept[0]!.text);
    case "numeric":
      return typeInto(page, frame, `${li} input[type=text]`, String(q.answer));
  }
}

describe("keyboard only (Chromium)", () => {
  it("does the whole journey with keys alone, with a visible focus", { timeout: 120_000 }, async () => {
    const lms = await openInLms(browser, { packageDir: journey });
    try {
      const { page } = lms;
      const frame = lms.frame();
      await playerReady(frame);
      const next = async () => activate(page, frame, '#sp-pager [data-action="next"]');
      // Into the package from the LMS page.
      await page.keyboard.press("Tab");
      for (const [i, id] of ["st-breathe", "st-listen", "st-ask"].entries()) await chooseRadio(page, frame, `sa-calm-${id}`, String(i + 2));
      await activate(page, frame, '#sa-calm [data-action="submit"]');
      await frame.waitForSelector("#sa-calm .sp-profile");
      await typeInto(page, frame, "#r-hope-answer", "Typed with keys.");
      await next();
      await frame.waitForSelector('[data-page="s-talk"]:not([hidden])');
      expect(await frame.evaluate("document.activeElement.id")).toBe("s-talk-title");
      for (const choice of ["c-ask", "c-plan"]) {
        await activate(page, frame, `#sc-shift .sp-scenario-node:not([hidden]) [data-choice="${choice}"]`);
        await activate(page, frame, "#sc-shift .sp-button-primary");
      }
      await frame.waitForSelector("#sc-shift .sp-outcome-best");
      await typeInto(page, frame, "#r-talk-answer", "Ask first.");
      await next();
      for (const [item, category] of [["i-fire", "cat-now"], ["i-course", "cat-later"], ["i-spill", "cat-now"]]) await chooseRadio(page, frame, `so-tasks-${item}`, category!);
      await activate(page, frame, '#so-tasks [data-action="check"]');
      for (const id of ["p-angry", "p-sad", "p-happy"]) await chooseOption(page, frame, `#ma-feel-${id}`, id);
      await activate(page, frame, '#ma-feel [data-action="check"]');
      await frame.waitForSelector("#ma-feel .sp-result:has-text(\"3 of 3\")");
      // A focused button shows a focus ring.
      await tabTo(page, frame, '#ma-feel [data-action="check"]');
      const outline = await frame.evaluate("getComputedStyle(document.activeElement).outlineStyle");
      expect(outline).not.toBe("none");
      await next();
      const quiz = blocksOf(journeyUnit).find((b) => b.id === "qz-final");
      if (quiz?.kind !== "quiz") throw new Error("quiz");
      const drawn = (await frame.evaluate(`[...document.querySelectorAll("#qz-final li.sp-question:not([hidden])")].map((e) => e.dataset.question)`)) as string[];
      for (const id of drawn) await answerByKeyboard(page, frame, quiz.questions.find((q) => q.id === id)!);
      await activate(page, frame, '#qz-final [data-action="submit"]');
      await frame.waitForSelector("#qz-final .sp-passed");
      expect(await frame.getAttribute("#qz-final .sp-score", "data-score")).toBe("100");
      await next();
      for (const [i, id] of ["st-breathe", "st-listen", "st-ask"].entries()) await chooseRadio(page, frame, `sa-calm-after-${id}`, String(i + 1));
      await activate(page, frame, '#sa-calm-after [data-action="submit"]');
      await frame.waitForSelector("#sa-calm-after .sp-profile");
      await typeInto(page, frame, "#r-next-answer", "Keep going.");
      await next(); // "Finish" leads to My notebook
      await frame.waitForSelector('[data-page="_notebook"]:not([hidden])');
      expect(await frame.textContent('[data-note="r-talk"] .sp-note-text')).toBe("Ask first.");
      await leavePage(frame);
      await expect.poll(async () => (await lms.lmsData()).finished).toBe(true);
      const data = await lms.lmsData();
      expect(data.cmi.core.lesson_status).toBe("passed");
      expect(data.cmi.core.score.raw).toBe("100");
      expect(await lms.breaches()).toEqual([]);
    } finally {
      await lms.close();
    }
  });
});
