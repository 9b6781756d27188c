// The send queue under a failing network, in Chromium against the real LRS: the LRS stopped and the
// browser offline mid-journey, the page closed, then both back and the unit launched again; the network
// returning while the page is still open; the LRS answering 503, 429 and a 400 for a while. Every
// statement must arrive exactly once and in order, and the learner sees a calm notice meanwhile.
import { randomUUID } from "node:crypto";
import type { Statement } from "@xapi/xapi";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAndUnzip, type BuiltForTest } from "../helpers/build-package.js";
import { launchChromium } from "../helpers/launch-chromium.js";
import { serveDir, type ServedDir } from "../helpers/serve-dir.js";
import { startLrs, type StartedLrs } from "../helpers/start-lrs.js";
import { learner, openLaunch, tinCanLaunchUrl, tincanActivityId, verbsOf, waitForVerb } from "../helpers/xapi-launch.js";
import { completeUnit, goToPage, readUnit } from "./player-support.js";
import { FULL_JOURNEY } from "./xapi-support.js";

const UNIT = "test/fixtures/units/full";

/** Statements stored once each, in the order they were made (stored order = timestamp order). */
function expectOnceInOrder(statements: Statement[]) {
  expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
  const times = statements.map((s) => Date.parse(s.timestamp!));
  expect([...times].sort((a, b) => a - b)).toEqual(times);
}

async function waitFor(condition: () => boolean, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Until the LRS has had no request for a second: the queue has nothing left in flight. */
async function quiet(lrs: StartedLrs) {
  let seen = -1;
  while (seen !== lrs.requests.length) {
    seen = lrs.requests.length;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

const noticeShown = (page: Page) => page.waitForSelector("#sp-notice:not([hidden])", { timeout: 10_000 });

describe("the xAPI send queue", () => {
  let browser: Browser;
  let built: BuiltForTest;
  let served: ServedDir;
  let lrs: StartedLrs;
  let activityId: string;
  beforeAll(async () => {
    [browser, built, lrs] = await Promise.all([launchChromium(), buildAndUnzip(UNIT, { format: "xapi", language: "en" }), startLrs()]);
    served = await serveDir(built.dir, {}, { prefix: "/package/" });
    activityId = await tincanActivityId(built.dir);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await lrs?.close();
    await built?.cleanup();
  });

  const launchUrl = (registration: string, auth = lrs.credentials()) =>
    tinCanLaunchUrl(`${served.url}/package/index.html`, { endpoint: lrs.endpoint, auth, actor: learner("queue"), registration, activityId });

  it("keeps what happened while the LRS was down and the browser offline, and sends it all on the next launch, once and in order", async () => {
    const registration = randomUUID();
    const auth = lrs.credentials();
    const first = await openLaunch(browser, launchUrl(registration, auth));
    await waitForVerb(lrs, registration, "progressed");
    await lrs.stop();
    await first.context.setOffline(true);
    try {
      await completeUnit(first.page.mainFrame(), await readUnit(UNIT));
      await noticeShown(first.page);
      await first.page.goto("about:blank"); // closing: pagehide, keepalive sends that cannot get through
      await first.page.close();
    } finally {
      await lrs.restart();
      await first.context.setOffline(false);
    }
    expect(verbsOf(await lrs.statements({ registration }))).toEqual(["initialized", "experienced", "progressed"]);

    // The next launch, in the same browser: the outbox the closed page left is adopted and sent first.
    const second = await openLaunch(browser, launchUrl(registration, auth), first.context);
    // "resumed" follows the second "initialized": wait for it, not just for the launch.
    const statements = await waitForVerb(lrs, registration, "resumed", 1);
    await second.page.waitForSelector('[data-page="s-check"]:not([hidden])'); // resumed where the learner left
    await second.context.close();
    const session = statements.slice(0, FULL_JOURNEY.length);
    expect(verbsOf(session)).toEqual(FULL_JOURNEY);
    expect(verbsOf(statements.slice(FULL_JOURNEY.length, FULL_JOURNEY.length + 2))).toEqual(["initialized", "resumed"]);
    expectOnceInOrder(statements);
    expect(lrs.requests.filter((r) => r.path === "/xAPI/statements" && r.status >= 400)).toEqual([]);
  });

  it("sends everything as soon as the network returns, without a relaunch", async () => {
    const registration = randomUUID();
    const { page, context } = await openLaunch(browser, launchUrl(registration));
    await waitForVerb(lrs, registration, "progressed");
    await lrs.stop();
    await context.setOffline(true);
    const journey = completeUnit(page.mainFrame(), await readUnit(UNIT));
    await noticeShown(page);
    await journey;
    await lrs.restart();
    await context.setOffline(false); // the "online" event wakes the queue
    await waitForVerb(lrs, registration, "passed");
    await page.waitForSelector("#sp-notice", { state: "hidden", timeout: 15_000 });
    await page.goto("about:blank");
    const statements = await waitForVerb(lrs, registration, "terminated");
    await context.close();
    expect(verbsOf(statements)).toEqual(FULL_JOURNEY);
    expectOnceInOrder(statements);
  });

  it("rides out 503 and 429 (with Retry-After), and drops a statement the LRS refuses with 400 without holding back the rest", async () => {
    const registration = randomUUID();
    const { page, context, console } = await openLaunch(browser, launchUrl(registration));
    await waitForVerb(lrs, registration, "progressed");
    const frame = page.mainFrame();
    const unit = await readUnit(UNIT);

    lrs.fail({ status: 503, count: 3 });
    await frame.fill("#b-reflect-answer", "A friend, on a long walk.");
    await frame.dispatchEvent("#b-reflect-answer", "change");
    await noticeShown(page);
    await waitForVerb(lrs, registration, "earned"); // the reflection's badge, once the LRS is back
    lrs.fail({ status: 429, count: 2, retryAfterSeconds: 1 });
    await completeUnit(frame, unit);
    await waitForVerb(lrs, registration, "passed");
    await page.waitForSelector("#sp-notice", { state: "hidden", timeout: 15_000 });

    await quiet(lrs);

    // One 400: the statement it answers is a bug of ours, logged loudly and dropped, and the next ones go on.
    lrs.fail({ status: 400, count: 1 });
    await goToPage(frame, "s-learn");
    await waitFor(() => lrs.requests.some((r) => r.status === 400));
    await goToPage(frame, "s-practise");
    await page.goto("about:blank");
    const statements = await waitForVerb(lrs, registration, "terminated");
    await context.close();
    const answered = lrs.requests.filter((r) => r.path.startsWith("/xAPI/") && r.method !== "GET").map((r) => r.status);
    expect(answered).toContain(503);
    expect(answered).toContain(429);
    expect(console.some((line) => line.includes("the LRS rejected a statement"))).toBe(true);
    expect(verbsOf(statements)).toEqual([...FULL_JOURNEY.slice(0, -1), "experienced", "terminated"]);
    expect((statements.at(-2)!.object as { id: string }).id).toBe(`${activityId}/pages/s-practise`);
    expectOnceInOrder(statements);
  });
});
