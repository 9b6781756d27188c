// The player's Exit button, where the platform has a way out: in a cmi5 launch the session ends,
// terminated reaches the LRS, and then the window goes to the LMS's returnURL (cmi5 §10); in a Tin Can
// launch the session ends and the learner is told the window can be closed, or, when the LRS cannot be
// reached, that the progress is kept on this device and sent on the next launch. SCORM has no way back
// the SCO could use, so no Exit button there (Moodle's own "Exit activity" link does it).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { UI_STRINGS } from "../../src/shared/ui-strings.js";
import { cmi5Launch, learner, openLaunch, tinCanLaunchUrl, verbsOf, waitForVerb } from "../helpers/xapi-launch.js";
import { axeViolations, goToPage } from "./player-support.js";
import { useLrsStage } from "./xapi-support.js";

const ui = UI_STRINGS.en;

describe("Exit in a cmi5 launch", () => {
  const stage = useLrsStage("test/fixtures/units/mastery", "cmi5", {
    "/lms/course.html": { type: "text/html; charset=utf-8", body: "<!doctype html><title>Back in the LMS</title><h1>Course</h1>" },
  });

  it("sends terminated, waits until the LRS holds it, then goes to returnURL", async () => {
    const returnURL = `${stage.served.url}/lms/course.html`;
    const l = await cmi5Launch(stage.lrs, stage.packageUrl, stage.built.dir, { returnURL });
    const { page, context } = await openLaunch(stage.browser, l.url);
    await waitForVerb(stage.lrs, l.registration, "initialized");
    await page.click("#sp-exit");
    await page.waitForURL(returnURL);
    // Asked once, without waiting: the statements were there before the window left.
    const statements = await stage.lrs.statements({ registration: l.registration });
    expect(verbsOf(statements)).toEqual(["launched", "initialized", "experienced", "progressed", "suspended", "terminated"]);
    expect(await page.title()).toBe("Back in the LMS");
    await context.close();
    // Leaving the page (pagehide) after the exit sends nothing more: statements end at terminated.
    expect(verbsOf(await stage.lrs.statements({ registration: l.registration }))).toHaveLength(6);
  });
});

describe("Exit in a Tin Can launch", () => {
  const stage = useLrsStage("test/fixtures/units/full", "xapi");
  const launchUrl = (registration: string, auth: string) =>
    tinCanLaunchUrl(stage.packageUrl, { endpoint: stage.lrs.endpoint, auth, actor: learner("exit"), registration, activityId: stage.activityId });

  it("ends the session and says the window can be closed, with focus on that word", async () => {
    const registration = randomUUID();
    const { page, context } = await openLaunch(stage.browser, launchUrl(registration, stage.lrs.credentials()));
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await page.isVisible("#sp-exit")).toBe(true);
    await goToPage(page.mainFrame(), "s-practise");
    expect(await axeViolations(page.mainFrame(), "with the Exit button")).toEqual([]);
    await page.click("#sp-exit");
    await page.waitForSelector(".sp-ended");
    expect(await axeViolations(page.mainFrame(), "after Exit")).toEqual([]);
    expect(await page.textContent(".sp-ended")).toBe(ui.exitedTitle + ui.exited);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("sp-ended-title");
    expect(await page.isHidden("#sp-main")).toBe(true);
    // Already there: the exit waited for the LRS before it said so.
    const statements = await stage.lrs.statements({ registration });
    expect(verbsOf(statements)).toEqual(["initialized", "experienced", "progressed", "experienced", "progressed", "suspended", "terminated"]);
    await context.close();
  });

  it("offline, says the progress is kept on this device; the next launch sends it", async () => {
    const registration = randomUUID();
    const auth = stage.lrs.credentials();
    const first = await openLaunch(stage.browser, launchUrl(registration, auth));
    await waitForVerb(stage.lrs, registration, "progressed");
    await first.context.setOffline(true);
    await goToPage(first.page.mainFrame(), "s-practise");
    await first.page.waitForSelector("#sp-notice:not([hidden])");
    expect(await first.page.textContent("#sp-notice")).toBe(ui.savedOffline);
    // Calm, not alarming: kept on this device is not a warning.
    expect(await first.page.getAttribute("#sp-notice", "class")).not.toContain("sp-notice-warning");
    await first.page.click("#sp-exit");
    await first.page.waitForSelector(".sp-ended", { timeout: 10_000 });
    expect(await first.page.textContent(".sp-ended p")).toBe(ui.exitedOffline);
    await first.page.close();
    await first.context.setOffline(false);

    const second = await openLaunch(stage.browser, launchUrl(registration, auth), first.context);
    const statements = await waitForVerb(stage.lrs, registration, "resumed");
    await second.context.close();
    expect(verbsOf(statements).slice(0, 7)).toEqual(["initialized", "experienced", "progressed", "experienced", "progressed", "suspended", "terminated"]);
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
  });
});
