// What the xAPI and cmi5 browser tests share.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { buildAndUnzip, type BuiltForTest } from "../helpers/build-package.js";
import { launchChromium } from "../helpers/launch-chromium.js";
import { serveDir, type ServedDir } from "../helpers/serve-dir.js";
import { startLrs, type StartedLrs } from "../helpers/start-lrs.js";
import { tincanActivityId } from "../helpers/xapi-launch.js";

/** The full fixture played start to end, every answer right (completeUnit): the statements, in order. */
export const FULL_JOURNEY = [
  "initialized",
  ...["experienced", "progressed", "earned"], // Learn; the reflection earns "Writer"
  ...["experienced", "progressed", "answered", "answered", "scored", "earned", "reached", "earned"], // Practise: self-assessment, scenario ("Calm voice", level "Listener"), sorting ("Sorter")
  ...["experienced", "progressed", ...Array<string>(7).fill("answered"), "earned", "earned", "earned", "completed", "passed"], // Check: the quiz ("First try", "Passed", "Collector")
  ...["answered", "answered", "scored", "earned"], // the self-assessment again ("Growth")
  "terminated",
];

/** What a file of LRS tests plays on: Chromium, one package served as an LMS would, and a real LRS. */
export interface LrsStage {
  browser: Browser;
  built: BuiltForTest;
  served: ServedDir;
  lrs: StartedLrs;
  /** The package's index.html, as served. */
  packageUrl: string;
  /** tincan.xml's activity id (xAPI packages only). */
  activityId: string;
}

/**
 * Sets the stage up before the file's tests and takes it down after: the unit built in one format and
 * language, unzipped and served under /package/ (with `extra` files beside it), and a fresh LRS.
 */
export function useLrsStage(unit: string, format: "xapi" | "cmi5", extra: Parameters<typeof serveDir>[1] = {}): LrsStage {
  const stage = {} as LrsStage;
  beforeAll(async () => {
    [stage.browser, stage.built, stage.lrs] = await Promise.all([launchChromium(), buildAndUnzip(unit, { format, language: "en" }), startLrs()]);
    stage.served = await serveDir(stage.built.dir, extra, { prefix: "/package/" });
    stage.packageUrl = `${stage.served.url}/package/index.html`;
    if (format === "xapi") stage.activityId = await tincanActivityId(stage.built.dir);
  });
  afterAll(async () => {
    await stage.browser?.close();
    await stage.served?.close();
    await stage.lrs?.close();
    await stage.built?.cleanup();
  });
  return stage;
}
