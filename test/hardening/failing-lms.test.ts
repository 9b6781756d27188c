// Hardening, item 4 (issue 7): a failing LMS. The same learner journey (test/fixtures/units/player-journey,
// with the quiz draw seeded so every run draws the same questions) is played against a healthy LMS and
// against LMSs that fail 10 % and 50 % of LMSSetValue/LMSCommit calls, that fail every call for 20 s
// (SKILLPACK_OUTAGE_MS) while the learner keeps working, and that report wrong error codes. What each LMS
// holds at the end must equal what the healthy one holds. Then an LMS that disappears mid-session: the learner still finishes,
// and nothing throws in the page.
import type { Frame } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { openInLms, type LmsFaults, type Scorm12Cmi } from "../helpers/scorm12-lms.js";
import { UI_STRINGS } from "../../src/shared/ui-strings.js";
import { completeUnit, expectValidInteraction, leavePage, playerReady } from "../e2e/player-support.js";
import { seededRandomScript, useJourneyStage } from "./hardening-support.js";

/** How long the LMS refuses every call (SKILLPACK_OUTAGE_MS=60000 for the full minute). */
const OUTAGE_MS = Number(process.env.SKILLPACK_OUTAGE_MS ?? 20_000);

const stage = useJourneyStage();

/** What an LMS holds at the end that must not depend on the LMS's health (times and durations do). */
function finalFields(cmi: Scorm12Cmi): Record<string, string> {
  const fields: Record<string, string> = {
    "cmi.core.lesson_status": cmi.core.lesson_status,
    "cmi.core.score.raw": cmi.core.score.raw,
    "cmi.core.score.min": cmi.core.score.min,
    "cmi.core.score.max": cmi.core.score.max,
    "cmi.core.lesson_location": cmi.core.lesson_location,
    "cmi.core.exit": cmi.core.exit,
    "cmi.suspend_data": cmi.suspend_data,
    "cmi.interactions._count": String(Object.keys(cmi.interactions).length),
  };
  for (const [n, i] of Object.entries(cmi.interactions)) {
    for (const key of ["id", "type", "weighting", "student_response", "result"] as const) fields[`cmi.interactions.${n}.${key}`] = i[key];
    for (const [m, c] of Object.entries(i.correct_responses ?? {})) fields[`cmi.interactions.${n}.correct_responses.${m}.pattern`] = c.pattern;
    for (const [m, o] of Object.entries(i.objectives ?? {})) fields[`cmi.interactions.${n}.objectives.${m}.id`] = o.id;
  }
  return fields;
}

/** The fields of `healthy` that `other` lacks or holds differently. */
const lostFields = (healthy: Record<string, string>, other: Record<string, string>) =>
  Object.keys({ ...healthy, ...other }).filter((key) => healthy[key] !== other[key]);

/**
 * The learner as completeUnit drives them, and slow if need be: every action waits `paceMs` first, so the
 * journey spans an LMS outage. (A menu click that lands beside its link while the saving notice moves
 * the page is asked again by goToPage.) `beforeAction` runs before each action, e.g. to make the LMS
 * vanish half-way.
 */
function learner(frame: Frame, options: { paceMs?: number; beforeAction?: (n: number) => Promise<void> } = {}): Frame {
  const acting = new Set(["click", "check", "fill", "selectOption", "dispatchEvent"]);
  let actions = 0;
  return new Proxy(frame, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== "function") return value;
      const call = (...args: unknown[]) => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
      if (!acting.has(String(prop))) return call;
      return async (...args: unknown[]) => {
        if (options.paceMs) await new Promise((r) => setTimeout(r, options.paceMs));
        await options.beforeAction?.(++actions);
        return call(...args);
      };
    },
  });
}

interface Run {
  fields: Record<string, string>;
  injected: number;
  score?: number;
  errors: string[];
  /** The LMS page's clock (ms since it loaded) when the learner's last action was done. */
  endedAt: number;
  /** When the LMS refused the first and the last call, on the same clock. */
  faultsFrom?: number;
  faultsTo?: number;
}

/** The whole journey in one launch, then the page is left; returns what the LMS holds. */
async function play(options: { faults?: LmsFaults; initScript?: string; paceMs?: number } = {}): Promise<Run> {
  const lms = await openInLms(stage.browser, { packageDir: stage.packageDir, ...(options.faults ? { faults: options.faults } : {}), initScript: seededRandomScript(7) + (options.initScript ?? "") });
  const errors: string[] = [];
  lms.page.on("pageerror", (e) => errors.push(e.message));
  try {
    const frame = lms.frame();
    const { score, drawn } = await completeUnit(learner(frame, options.paceMs ? { paceMs: options.paceMs } : {}), stage.unit);
    const endedAt = (await lms.page.evaluate("performance.now()")) as number;
    expect(drawn).toHaveLength(6);
    await leavePage(frame);
    await expect.poll(async () => (await lms.lmsData()).finished).toBe(true);
    const data = await lms.lmsData();
    for (const i of Object.values(data.cmi.interactions)) expectValidInteraction(i);
    expect(await lms.breaches()).toEqual([]);
    const faults = (await lms.calls()).filter((c) => c.fault);
    return {
      fields: finalFields(data.cmi),
      injected: faults.length,
      ...(score === undefined ? {} : { score }),
      errors,
      endedAt,
      ...(faults.length ? { faultsFrom: faults[0]!.t, faultsTo: faults.at(-1)!.t } : {}),
    };
  } finally {
    await lms.close();
  }
}

describe("a failing LMS loses nothing (SCORM 1.2, Chromium)", () => {
  const figures = { runs: 0, injected: 0, compared: 0, lost: 0, thrown: 0 };
  const perRun: string[] = [];
  let healthy: Run;
  afterAll(() => {
    console.log(
      `hardening: failing LMS: ${figures.runs} journeys against failing LMSs, ${figures.injected} injected failures, ${figures.compared} fields compared with the healthy run, ${figures.lost} fields lost, ${figures.thrown} errors thrown in the page (${perRun.join("; ")})`,
    );
  });

  it("a healthy LMS: the reference run", async () => {
    healthy = await play();
    expect(healthy.injected).toBe(0);
    expect(healthy.score).toBe(100);
    expect(healthy.fields["cmi.core.lesson_status"]).toBe("passed");
    expect(healthy.errors).toEqual([]);
  }, 120_000);

  const check = (name: string, run: Run) => {
    perRun.push(`${name}: ${run.injected} failures`);
    figures.runs++;
    figures.injected += run.injected;
    figures.compared += Object.keys(healthy.fields).length;
    const lost = lostFields(healthy.fields, run.fields);
    figures.lost += lost.length;
    figures.thrown += run.errors.length;
    expect(lost.map((key) => `${key}: ${JSON.stringify(healthy.fields[key])} vs ${JSON.stringify(run.fields[key])}`)).toEqual([]);
    expect(run.errors).toEqual([]);
  };

  it("repeats itself: a second healthy run holds the same data (the comparison means something)", async () => {
    const again = await play();
    expect(lostFields(healthy.fields, again.fields)).toEqual([]);
    expect(Object.keys(healthy.fields).length).toBeGreaterThan(60);
  });

  it.each([0.1, 0.5])("%s of LMSSetValue and LMSCommit calls fail: the same final data", async (rate) => {
    const run = await play({ faults: { setValueFailRate: rate, commitFailRate: rate, seed: 4242 } });
    expect(run.injected).toBeGreaterThan(rate === 0.1 ? 5 : 30);
    check(`${rate * 100} %`, run);
  }, 120_000);

  it(`every call fails for ${OUTAGE_MS / 1000} s while the learner keeps working: the same final data`, { timeout: 2 * OUTAGE_MS + 60_000 }, async () => {
    // The journey has about 45 actions: spread them over the outage and a quarter more.
    const run = await play({ faults: { failAllUntil: OUTAGE_MS }, paceMs: Math.ceil((OUTAGE_MS * 1.25) / 45) });
    // The learner really worked through the outage, saving all along, and on past it.
    expect(run.faultsFrom).toBeLessThan(3_000);
    expect(run.faultsTo).toBeGreaterThan(OUTAGE_MS * 0.75);
    expect(run.endedAt).toBeGreaterThan(OUTAGE_MS + 2_000);
    expect(run.injected).toBeGreaterThan(20);
    check(`all for ${OUTAGE_MS / 1000} s`, run);
  });

  it("reports wrong error codes (0, empty, text, numbers) after failed calls: the same final data", async () => {
    // The LMS's API is wrapped as it is created: after an injected failure LMSGetLastError answers with a
    // code that does not say what happened, and successful calls return booleans instead of "true".
    const wrongCodes = `(() => {
      if (location.pathname !== "/lms.html") return;
      const wrong = ["0", "", "oops", 0, null, undefined, "101 "];
      let real, wrapped, n = 0;
      Object.defineProperty(window, "API", {
        configurable: true,
        get: () => wrapped,
        set(value) {
          real = value;
          wrapped = new Proxy(real, {
            get(target, name) {
              const fn = target[name];
              if (typeof fn !== "function") return fn;
              return (...args) => {
                const result = fn(...args);
                if (name === "LMSGetLastError" && result !== "0") return wrong[n++ % wrong.length];
                if (name === "LMSGetErrorString" || name === "LMSGetDiagnostic") return 42;
                if (result === "true") return true;
                return result;
              };
            },
          });
        },
      });
    })();`;
    const run = await play({ faults: { setValueFailRate: 0.2, commitFailRate: 0.2, seed: 99 }, initScript: wrongCodes });
    expect(run.injected).toBeGreaterThan(10);
    check("wrong error codes", run);
  }, 120_000);

  it("disappears mid-session (window.API removed, every call throws): the learner finishes, nothing throws in the page", async () => {
    const lms = await openInLms(stage.browser, { packageDir: stage.packageDir, initScript: seededRandomScript(7) });
    const errors: string[] = [];
    lms.page.on("pageerror", (e) => errors.push(e.message));
    try {
      const frame = lms.frame();
      await playerReady(frame);
      // The page-error listener sees errors thrown inside the package's frame, or this test would prove nothing.
      await frame.evaluate('setTimeout(() => { throw new Error("probe") }, 0)');
      await expect.poll(() => errors.length).toBe(1);
      errors.length = 0;
      // Half-way through the journey (the first page done, the scenario begun) the LMS goes away.
      let actions = 0;
      const vanishing = learner(frame, {
        beforeAction: async (n) => {
          actions = n;
          if (n === 12)
            await lms.page.evaluate(`(() => {
              const api = window.API;
              window.__thrown = 0;
              for (const name of Object.keys(api)) api[name] = () => { window.__thrown++; throw new Error("the LMS has gone away"); };
              delete window.API;
            })()`);
        },
      });
      const { score } = await completeUnit(vanishing, stage.unit);
      expect(actions).toBeGreaterThan(12);
      expect(score).toBe(100);
      await frame.waitForSelector("#qz-final .sp-passed", { state: "attached" });
      // The learner is told progress is kept on this device (until an LMS takes it, at the next launch).
      await frame.waitForSelector(`#sp-notice:not([hidden]):has-text("${UI_STRINGS.en.savedOffline}")`);
      await leavePage(frame);
      await lms.page.waitForTimeout(500);
      const thrown = (await lms.page.evaluate("window.__thrown")) as number;
      expect(thrown).toBeGreaterThan(10);
      perRun.push(`vanished mid-session: ${thrown} calls threw, learner finished`);
      figures.thrown += errors.length;
      expect(errors).toEqual([]);
      // What reached the LMS before it went is well-formed.
      expect(await lms.breaches()).toEqual([]);
    } finally {
      await lms.close();
    }
  }, 120_000);
});
