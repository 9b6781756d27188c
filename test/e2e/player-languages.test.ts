// Languages in one package, and the player with no LMS at all.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/launch-chromium.js";
import { openInLms } from "../helpers/scorm12-lms.js";
import { serveDir } from "../helpers/serve-dir.js";
import { buildAndUnzip, buildMultilingual, goToPage, playScenario, JOURNEY_UNIT, leavePage, playerReady, takeSelfAssessment, writeReflection } from "./player-support.js";

let browser: Browser;
let multilingual: string;
let english: string;

beforeAll(async () => {
  [browser, multilingual, english] = await Promise.all([launchChromium(), buildMultilingual(JOURNEY_UNIT), buildAndUnzip(JOURNEY_UNIT, { languages: ["en"] }).then((d) => d.en!)]);
});
afterAll(async () => {
  await browser?.close();
});

describe("languages in one package", () => {
  it("switches language mid-unit keeping answers, points, badges and notebook, and reopens in the language last chosen", async () => {
    const lms = await openInLms(browser, { packageDir: multilingual });
    let cmi: Record<string, unknown>;
    try {
      let frame = lms.frame();
      await playerReady(frame);
      expect(await frame.getAttribute("html", "lang")).toBe("en");
      await takeSelfAssessment(frame, "sa-calm", "sa-calm", [4, 4, 4], ["st-breathe", "st-listen", "st-ask"]);
      await writeReflection(frame, "r-hope", "Mano žodžiai liks.");
      await goToPage(frame, "s-talk");
      await playScenario(frame, "sc-shift", ["c-ask", "c-plan"]);
      await frame.waitForSelector("#sc-shift .sp-outcome-best");
      const points = (await frame.textContent("#sp-status .sp-points"))!.match(/\d+/)![0];

      await frame.selectOption("#sp-language-select", "lt");
      frame = lms.frame();
      await frame.waitForSelector('html[lang="lt"]');
      // Same page, now in Lithuanian, with everything kept.
      await frame.waitForSelector('[data-page="s-talk"]:not([hidden]) h2:has-text("Įtemptas pokalbis")');
      await frame.waitForSelector("#sc-shift .sp-outcome-best");
      expect(await frame.textContent("#sp-status .sp-points")).toBe(`Taškai: ${points}`);
      await frame.waitForSelector('#sp-status .sp-badge.sp-earned:has-text("Taikdarys")', { state: "attached" });
      expect(await frame.textContent("#sp-pager [data-action=next]")).toBe("Toliau");
      await goToPage(frame, "s-start");
      expect(await frame.inputValue("#r-hope-answer")).toBe("Mano žodžiai liks.");
      await frame.waitForSelector("#sa-calm .sp-result:has-text(\"Stipru\")");
      await goToPage(frame, "_notebook");
      expect(await frame.textContent('[data-note="r-hope"] .sp-note-text')).toBe("Mano žodžiai liks.");
      await leavePage(frame);
      await expect.poll(async () => (await lms.lmsData()).finished).toBe(true);
      const data = await lms.lmsData();
      expect(data.values["cmi.student_preference.language"]).toBe("lt");
      expect(await lms.breaches()).toEqual([]);
      cmi = data.cmi;
    } finally {
      await lms.close();
    }
    const again = await openInLms(browser, { packageDir: multilingual, cmi });
    try {
      const frame = again.frame();
      await playerReady(frame);
      await frame.waitForSelector('html[lang="lt"]');
      await frame.waitForSelector('[data-page="_notebook"]:not([hidden]) h2:has-text("Mano užrašai")');
      expect(await frame.textContent('[data-note="r-hope"] .sp-note-text')).toBe("Mano žodžiai liks.");
    } finally {
      await again.close();
    }
  });

  it("opens in the LMS's preferred language on a first launch", async () => {
    const lms = await openInLms(browser, { packageDir: multilingual, cmi: { "cmi.student_preference.language": "lt" } });
    try {
      await playerReady(lms.frame());
      await lms.frame().waitForSelector('html[lang="lt"]');
    } finally {
      await lms.close();
    }
  });
});

describe("standalone, with no LMS", () => {
  it("works, says progress stays in this browser, and keeps it in localStorage across a reload", async () => {
    const server = await serveDir(english);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${server.url}/index.html`);
      const frame = page.mainFrame();
      await playerReady(frame);
      await frame.waitForSelector('#sp-notice:not([hidden]):has-text("kept in this browser")');
      await writeReflection(frame, "r-hope", "Kept locally.");
      await goToPage(frame, "s-practise");
      await page.reload();
      await playerReady(frame);
      await frame.waitForSelector('[data-page="s-practise"]:not([hidden])');
      await goToPage(frame, "s-start");
      expect(await frame.inputValue("#r-hope-answer")).toBe("Kept locally.");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });
});
