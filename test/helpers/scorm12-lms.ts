// Plays an unzipped SCORM 1.2 package inside a test LMS page (test/e2e/lms/) in its own browser
// context, and gives the test the LMS's view: stored data, every API call, and strict-rule breaches.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { serveDir } from "./serve-dir.js";

const LMS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../e2e/lms");
// The same strict LMS facade that `skillpack preview` serves.
const LMS_SCRIPT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../templates/preview/scorm12-lms.js");
// scorm-again's classic-script build: defines the global `Scorm12API` (`this.Scorm12API = ...`).
const SCORM_AGAIN = createRequire(import.meta.url).resolve("scorm-again/scorm12");

export interface LmsFaults {
  /** Share (0..1) of LMSSetValue calls that return "false" with error 101 and store nothing. */
  setValueFailRate?: number;
  /** Share (0..1) of LMSCommit calls that return "false" with error 101. */
  commitFailRate?: number;
  /** Every LMSSetValue and LMSCommit fails until this many ms after the LMS page started loading. */
  failAllUntil?: number;
  /** PRNG seed for the fail rates, so a run repeats (default 12345). */
  seed?: number;
}

export interface OpenInLmsOptions {
  /** The unzipped package; served under /package/. */
  packageDir: string;
  /**
   * Data the LMS starts with, e.g. the previous launch's `(await lmsData()).cmi` to resume.
   * Flat ({"cmi.suspend_data": "x"}) or nested ({core: {...}} / {cmi: {...}}). A seeded
   * cmi.core.exit of "suspend" becomes cmi.core.entry "resume"; session_time is added to total_time.
   */
  cmi?: Record<string, unknown>;
  faults?: LmsFaults;
  viewport?: { width: number; height: number };
  /** The SCO's launch file inside the package (default "index.html"). */
  launch?: string;
  /**
   * Script run in every frame of the page (the LMS page and the package) before the frame's own scripts,
   * e.g. to seed Math.random so a quiz draws the same questions run after run, or to wrap window.API.
   */
  initScript?: string;
  /**
   * The same learner's browser again: this context (its localStorage kept) and this port (the LMS's
   * origin kept), as when a learner reopens the unit in the same browser. The context is then the caller's to close.
   */
  sameBrowser?: { context: BrowserContext; port: number };
}

export interface CallLog {
  name: string;
  args: unknown[];
  result: string;
  /** What LMSGetLastError would return right after the call. */
  errorCode: string;
  /** ms since the LMS page started loading (performance.now()). */
  t: number;
  /** Set when the facade injected a fault into this call. */
  fault?: true;
  /** The breach text, when this call broke a strict SCORM 1.2 rule. */
  breach?: string;
}

export interface LmsData {
  /** scorm-again's data model as JSON (renderCMIToJSONObject().cmi), write-only elements included. */
  cmi: Scorm12Cmi;
  /** Last value successfully set per element, straight from the call log. */
  values: Record<string, string>;
  initialized: boolean;
  finished: boolean;
}

/** The parts of scorm-again's JSON tests usually read; everything else is there too. */
export interface Scorm12Cmi {
  suspend_data: string;
  launch_data: string;
  comments: string;
  core: {
    student_id: string;
    student_name: string;
    lesson_location: string;
    credit: string;
    lesson_status: string;
    entry: string;
    lesson_mode: string;
    exit: string;
    session_time: string;
    score: { raw: string; min: string; max: string };
  };
  /** Keyed "0", "1", ... (an object, not an array). */
  objectives: Record<string, { id: string; status: string; score: { raw: string; min: string; max: string } }>;
  interactions: Record<string, Scorm12Interaction>;
  student_data: { mastery_score: string; max_time_allowed: string; time_limit_action: string };
  [key: string]: unknown;
}

export interface Scorm12Interaction {
  id: string;
  time: string;
  type: string;
  weighting: string;
  student_response: string;
  result: string;
  latency: string;
  objectives: Record<string, { id: string }>;
  correct_responses: Record<string, { pattern: string }>;
}

export interface LmsSession {
  page: Page;
  /** The browser context and the LMS's port, for sameBrowser on a relaunch. */
  browser: { context: BrowserContext; port: number };
  /** The package's iframe (where the player runs). */
  frame(): Frame;
  lmsData(): Promise<LmsData>;
  calls(): Promise<CallLog[]>;
  breaches(): Promise<string[]>;
  /** keepBrowser: the context stays open (its localStorage kept) for a relaunch with sameBrowser; then close it yourself. */
  close(how?: { keepBrowser?: boolean }): Promise<void>;
}

export async function openInLms(browser: Browser, options: OpenInLmsOptions): Promise<LmsSession> {
  const config = { cmi: options.cmi ?? {}, faults: options.faults ?? {}, launch: options.launch ?? "index.html" };
  const js = "text/javascript; charset=utf-8";
  const server = await serveDir(
    options.packageDir,
    {
      "/lms.html": { type: "text/html; charset=utf-8", body: await readFile(path.join(LMS_DIR, "scorm12-lms.html")) },
      "/lms.js": { type: js, body: await readFile(LMS_SCRIPT) },
      "/lms-config.js": { type: js, body: `window.__lmsConfig = ${JSON.stringify(config)};\n` },
      "/scorm-again/scorm12.js": { type: js, body: await readFile(SCORM_AGAIN) },
    },
    { prefix: "/package/", ...(options.sameBrowser ? { port: options.sameBrowser.port } : {}) },
  );
  // A fresh context per launch unless sameBrowser: nothing (localStorage, cookies) survives between
  // launches, so a resume can only come from the LMS data, as on a real LMS.
  const context = options.sameBrowser?.context ?? (await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 } }));
  if (options.initScript) await context.addInitScript(options.initScript);
  let page: Page | undefined;
  const close = async (how: { keepBrowser?: boolean } = {}): Promise<void> => {
    if (options.sameBrowser || how.keepBrowser) await page?.close();
    else await context.close();
    await server.close();
  };
  try {
    page = await context.newPage();
    const lmsPage = page;
    // The LMS page appends the iframe while parsing, so "load" also waits for the package page.
    await lmsPage.goto(`${server.url}/lms.html`, { waitUntil: "load" });
    // String expressions, not functions: vitest's transform can add helpers (e.g. __name) to
    // function bodies that would not exist once Playwright stringifies them into the page.
    const read = <T>(expression: string): Promise<T> => lmsPage.evaluate(expression) as Promise<T>;
    return {
      page: lmsPage,
      browser: { context, port: Number(new URL(server.url).port) },
      frame() {
        const children = lmsPage.mainFrame().childFrames();
        const frame = children.find((f) => f.name() === "sco") ?? children.find((f) => f.url().includes("/package/"));
        if (!frame) throw new Error("the package iframe is not on the LMS page");
        return frame;
      },
      lmsData: () => read<LmsData>("window.__lms.snapshot()"),
      calls: () => read<CallLog[]>("window.__lms.calls"),
      breaches: () => read<string[]>("window.__lms.breaches"),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
