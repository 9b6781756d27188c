// cmi5 §10 returnURL: when the AU is exited, terminated reaches the LRS and then the window goes to the
// LMS's returnURL. The player has no exit control yet, so this drives the cmi5 adapter itself, bundled
// by esbuild into a page of the built package (its player data, its CSP) in place of player.js.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { build } from "esbuild";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAndUnzip, type BuiltForTest } from "../helpers/build-package.js";
import { launchChromium } from "../helpers/launch-chromium.js";
import { serveDir, type ServedDir } from "../helpers/serve-dir.js";
import { startLrs, type StartedLrs } from "../helpers/start-lrs.js";
import { cmi5Launch, verbsOf, waitForVerb } from "../helpers/xapi-launch.js";

const HARNESS = `
import { readCmi5Launch } from "./src/runtime/tracking/cmi5/cmi5-launch.ts";
import { createCmi5Tracker } from "./src/runtime/tracking/cmi5/cmi5-tracker.ts";
const tracker = createCmi5Tracker(readCmi5Launch(location.search), { encode: () => "", decode: () => undefined }, { log: (m) => console.warn(m), onSaveProblem() {} }, window);
window.harness = { start: () => tracker.start().then(() => true), exit: () => tracker.exit() };
`;

describe("a cmi5 AU's exit", () => {
  let browser: Browser;
  let built: BuiltForTest;
  let served: ServedDir;
  let lrs: StartedLrs;
  beforeAll(async () => {
    [browser, built, lrs] = await Promise.all([launchChromium(), buildAndUnzip("test/fixtures/units/mastery", { format: "cmi5" }), startLrs()]);
    const bundle = await build({ stdin: { contents: HARNESS, resolveDir: process.cwd(), loader: "ts" }, bundle: true, write: false, format: "iife", target: "es2019" });
    const page = (await readFile(join(built.dir, "index.html"), "utf8")).replace('src="player.js"', 'src="harness.js"');
    served = await serveDir(built.dir, {
      "/package/harness.js": { type: "text/javascript", body: bundle.outputFiles[0]!.text },
      "/package/harness.html": { type: "text/html; charset=utf-8", body: page },
      "/lms/course.html": { type: "text/html; charset=utf-8", body: "<!doctype html><title>Back in the LMS</title><h1>Course</h1>" },
    }, { prefix: "/package/" });
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await lrs?.close();
    await built?.cleanup();
  });

  it("sends terminated, waits for the LRS to have it, then goes to returnURL", async () => {
    const returnURL = `${served.url}/lms/course.html`;
    const l = await cmi5Launch(lrs, `${served.url}/package/harness.html`, built.dir, { returnURL });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(l.url);
    expect(await page.evaluate(() => (window as unknown as { harness: { start(): Promise<boolean> } }).harness.start())).toBe(true);
    await Promise.all([page.waitForURL(returnURL), page.evaluate(() => void (window as unknown as { harness: { exit(): Promise<void> } }).harness.exit())]);
    const statements = await waitForVerb(lrs, l.registration, "terminated");
    expect(verbsOf(statements)).toEqual(["launched", "initialized", "suspended", "terminated"]);
    expect(await page.title()).toBe("Back in the LMS");
    await context.close();
  });
});
