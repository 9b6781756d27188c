// The learner's journey through real units in Lithuanian and Polish (English is covered in
// player-journey.test.ts): a translated unit must play, score and report exactly like the source.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { loadUnit } from "../../src/index.js";
import { createBuildContext } from "../../src/node/build/build-context.js";
import { checkUnit } from "../../src/node/build/check-unit.js";
import type { Unit } from "../../src/shared/unit-types.js";
import { launchChromium } from "../helpers/launch-chromium.js";
import { openInLms } from "../helpers/scorm12-lms.js";
import { buildAndUnzip, completeUnit, expectValidInteraction, leavePage, REPO } from "./player-support.js";

const JOURNEYS = [
  { unit: "digital-literacy", language: "lt" },
  { unit: "time-management", language: "pl" },
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

async function localized(id: string, language: string): Promise<Unit> {
  const loaded = await loadUnit(join(REPO, "units", id));
  return (await checkUnit(loaded.unit!, createBuildContext())).checked!.localized.get(language)!;
}

describe.each(JOURNEYS)("the journey through $unit in $language (SCORM 1.2, Chromium)", ({ unit: id, language }) => {
  it("passes with the score shown, valid interactions, no limit broken, and the page in that language", { timeout: 180_000 }, async () => {
    const [packages, unit] = await Promise.all([buildAndUnzip(join(REPO, "units", id), { languages: [language] }), localized(id, language)]);
    const lms = await openInLms(browser, { packageDir: packages[language]! });
    try {
      const frame = lms.frame();
      expect(await frame.evaluate("document.documentElement.lang")).toBe(language);
      await expect(frame.locator("h2.sp-page-title").first().innerText()).resolves.toBe(unit.sections[0]!.title);
      const { drawn, score, statements } = await completeUnit(frame, unit);
      expect(score).toBe(100);
      await leavePage(frame);
      await expect.poll(async () => (await lms.lmsData()).finished).toBe(true);
      const data = await lms.lmsData();
      expect(data.cmi.core.lesson_status).toBe("passed");
      expect(data.cmi.core.score.raw).toBe("100");
      const interactions = Object.values(data.cmi.interactions);
      expect(interactions).toHaveLength(drawn.length + statements);
      for (const i of interactions) expectValidInteraction(i);
      expect(await lms.breaches()).toEqual([]);
    } finally {
      await lms.close();
    }
  });
});
