// What the hardening tests share: seeded randomness, in Node and in the package's page, and the
// journey unit's package with a browser to play it in.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import type { Unit } from "../../src/shared/unit-types.js";
import { launchChromium } from "../helpers/launch-chromium.js";
import { buildAndUnzip, JOURNEY_UNIT, readUnit } from "../e2e/player-support.js";

/** The player's own seeded PRNG (mulberry32), so a "random" choice repeats run after run. */
export { seededRandom as prng } from "../../src/shared/state/quiz-draw.js";

/**
 * An init script (openInLms's initScript) that seeds Math.random in the package's frame only, so a quiz
 * draws the same questions in the same order on every run. The LMS page keeps its own randomness.
 */
export function seededRandomScript(seed: number): string {
  return `(() => {
  if (!location.pathname.startsWith("/package/")) return;
  let a = ${seed >>> 0};
  Math.random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
})();\n`;
}

/** n-th percentile (0..100) of a list of numbers. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

export interface JourneyStage {
  browser: Browser;
  /** The journey unit's English SCORM 1.2 package, unzipped. */
  packageDir: string;
  unit: Unit;
}

/** Chromium and the journey unit's package, set up before the file's tests and closed after. */
export function useJourneyStage(): JourneyStage {
  const stage = {} as JourneyStage;
  beforeAll(async () => {
    const [browser, packages, unit] = await Promise.all([launchChromium(), buildAndUnzip(JOURNEY_UNIT, { languages: ["en"] }), readUnit(JOURNEY_UNIT)]);
    Object.assign(stage, { browser, packageDir: packages.en!, unit });
  });
  afterAll(async () => {
    await stage.browser?.close();
  });
  return stage;
}
