import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { buildAndUnzip, type BuiltForTest } from "../helpers/build-package.js";
import { launchChromium } from "../helpers/launch-chromium.js";
import { openInLms } from "../helpers/scorm12-lms.js";

const CMI_TIMESPAN = /^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,2})?$/;

describe("a SCORM 1.2 package played in Chromium against scorm-again", () => {
  let browser: Browser;
  let built: BuiltForTest;
  beforeAll(async () => {
    [browser, built] = await Promise.all([launchChromium(), buildAndUnzip("test/fixtures/units/three-pages")]);
  });
  afterAll(async () => {
    await browser?.close();
    await built?.cleanup();
  });

  it("reports incomplete at launch and completed with a valid session time once the learner has seen every page", async () => {
    const lms = await openInLms(browser, { packageDir: built.dir });
    const frame = lms.frame();
    await frame.getByRole("heading", { name: "First page" }).waitFor();
    expect((await lms.lmsData()).cmi.core.lesson_status).toBe("incomplete");
    await frame.getByRole("button", { name: "Next" }).click();
    await frame.getByRole("heading", { name: "Second page" }).waitFor();
    await expect(frame.getByRole("img", { name: "A blue circle" }).isVisible()).resolves.toBe(true);
    await frame.getByRole("button", { name: "Next" }).click();
    await frame.getByRole("heading", { name: "Third page" }).waitFor();
    // Leaving the page fires pagehide: the player sends session_time and calls LMSFinish once.
    await lms.page.evaluate(() => document.querySelector("iframe")!.remove());
    const data = await lms.lmsData();
    expect(data.cmi.core.lesson_status).toBe("completed");
    expect(data.values["cmi.core.session_time"]).toMatch(CMI_TIMESPAN);
    expect(data.finished).toBe(true);
    const calls = await lms.calls();
    expect(calls.filter((c) => c.name === "LMSInitialize")).toHaveLength(1);
    expect(calls.filter((c) => c.name === "LMSFinish")).toHaveLength(1);
    expect(await lms.breaches()).toEqual([]);
    await lms.close();
  });

  it("resumes on the page the learner left", async () => {
    const first = await openInLms(browser, { packageDir: built.dir });
    await first.frame().getByRole("button", { name: "Next" }).click();
    await first.frame().getByRole("heading", { name: "Second page" }).waitFor();
    await first.page.evaluate(() => document.querySelector("iframe")!.remove());
    const saved = (await first.lmsData()).cmi;
    await first.close();
    expect(saved.core.lesson_status).toBe("incomplete");
    expect(saved.core.exit).toBe("suspend");
    const second = await openInLms(browser, { packageDir: built.dir, cmi: saved as unknown as Record<string, unknown> });
    await expect(second.frame().getByRole("heading", { name: "Second page" }).isVisible()).resolves.toBe(true);
    await expect(second.frame().getByRole("heading", { name: "First page" }).isVisible()).resolves.toBe(false);
    await second.close();
  });
});
