// Hardening, item 6 (issue 7): interrupted learners. One learner goes through test/fixtures/units/player-journey
// step by step; at 20 points chosen with a seeded PRNG the page goes away (the LMS removes the package's
// iframe, or the frame navigates away as a closing tab does: either way pagehide fires and nothing else),
// and the unit is launched again with the cmi the LMS saved. After each relaunch every answer given so far
// (self-assessment, reflections, scenario path, sorting and matching placements, quiz answers) must be on
// screen exactly as the learner left it, on the page they left.
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openInLms, type LmsSession } from "../helpers/scorm12-lms.js";
import { answerQuestion, blocksOf, goToPage, leavePage, playerReady, submitQuiz } from "../e2e/player-support.js";
import { prng, seededRandomScript, useJourneyStage } from "./hardening-support.js";

const CLOSES = 20;
const SEED = 20261207;

const stage = useJourneyStage();

/** One thing the learner does; `scope` is the element whose answers it changes (none for a page turn). */
interface Step {
  name: string;
  page: string;
  scope?: string;
  act(frame: Frame): Promise<void>;
}

const quizQuestion = (n: number): Step => ({
  name: `answer quiz question ${n + 1}`,
  page: "s-check",
  // Resolved when the step runs: the quiz draws its questions when it is first shown.
  scope: `#qz-final li.sp-question:not([hidden]) >> nth=${n}`,
  async act(frame) {
    const id = await frame.$$eval("#qz-final li.sp-question:not([hidden])", (els, i) => (els[i] as HTMLElement).dataset.question!, n);
    const quiz = blocksOf(stage.unit).find((b) => b.id === "qz-final");
    if (quiz?.kind !== "quiz") throw new Error("no quiz");
    await answerQuestion(frame, quiz.questions.find((q) => q.id === id)!, n !== 2); // one wrong answer: still a pass
  },
});

const check = (page: string, scope: string, selector: string): Step => ({ name: `choose ${selector}`, page, scope, act: (f) => f.check(selector) });
const select = (page: string, scope: string, id: string, value: string): Step => ({ name: `match ${id}`, page, scope, act: async (f) => void (await f.selectOption(id, value)) });
// Typing only: no change event, so the text is still inside the player's typing pause when a close may come.
const type = (page: string, id: string, text: string): Step => ({ name: `write ${id}`, page, scope: `#${id}`, act: (f) => f.fill(`#${id}-answer`, text) });
const press = (page: string, scope: string, selector: string, name: string): Step => ({ name, page, scope, act: (f) => f.click(selector) });
// After a relaunch the step a choice led to is already on screen: there is no "Continue" to press then.
const cont = (name: string): Step => ({
  name, page: "s-talk", scope: "#sc-shift",
  act: async (f) => {
    const go = await f.$("#sc-shift .sp-button-primary");
    if (go) await go.click();
  },
});
const turn = (page: string): Step => ({ name: `go to ${page}`, page, act: () => Promise.resolve() });

const STEPS: Step[] = [
  check("s-start", "#sa-calm", 'input[name="sa-calm-st-breathe"][value="2"]'),
  check("s-start", "#sa-calm", 'input[name="sa-calm-st-listen"][value="4"]'),
  check("s-start", "#sa-calm", 'input[name="sa-calm-st-ask"][value="1"]'),
  press("s-start", "#sa-calm", '#sa-calm [data-action="submit"]', "see my profile"),
  type("s-start", "r-hope", "Listen first – ąčęėįšųūž 🙂"),
  turn("s-talk"),
  press("s-talk", "#sc-shift", '#sc-shift [data-choice="c-ask"]', "choose c-ask"),
  cont("continue"),
  press("s-talk", "#sc-shift", '#sc-shift [data-node="n-listen"] [data-choice="c-plan"]', "choose c-plan"),
  cont("continue to the ending"),
  type("s-talk", "r-talk", "I will ask what they need."),
  turn("s-practise"),
  check("s-practise", "#so-tasks", 'input[name="so-tasks-i-fire"][value="cat-now"]'),
  check("s-practise", "#so-tasks", 'input[name="so-tasks-i-course"][value="cat-now"]'),
  check("s-practise", "#so-tasks", 'input[name="so-tasks-i-spill"][value="cat-now"]'),
  press("s-practise", "#so-tasks", '#so-tasks [data-action="check"]', "check the sorting"),
  check("s-practise", "#so-tasks", 'input[name="so-tasks-i-course"][value="cat-later"]'),
  select("s-practise", "#ma-feel", "#ma-feel-p-angry", "p-angry"),
  select("s-practise", "#ma-feel", "#ma-feel-p-sad", "p-happy"),
  select("s-practise", "#ma-feel", "#ma-feel-p-happy", "p-sad"),
  press("s-practise", "#ma-feel", '#ma-feel [data-action="check"]', "check the matching"),
  turn("s-check"),
  ...[0, 1, 2, 3, 4, 5].map(quizQuestion),
  { name: "submit the quiz", page: "s-check", scope: "#qz-final", act: async (f) => void (await submitQuiz(f, "qz-final")) },
  turn("s-end"),
  check("s-end", "#sa-calm-after", 'input[name="sa-calm-after-st-breathe"][value="3"]'),
  check("s-end", "#sa-calm-after", 'input[name="sa-calm-after-st-listen"][value="4"]'),
  check("s-end", "#sa-calm-after", 'input[name="sa-calm-after-st-ask"][value="3"]'),
  press("s-end", "#sa-calm-after", '#sa-calm-after [data-action="submit"]', "see my profile again"),
  type("s-end", "r-next", "Breathe before meetings."),
];

/** What the learner has given inside a block or question, as shown on screen: the thing that must survive. */
interface Answers {
  checked: string[];
  values: string[];
  order: string[];
  shown: string[];
}

async function answersIn(frame: Frame, scope: string): Promise<Answers> {
  return frame.locator(scope).evaluate((el) => {
    const visible = (e: Element) => !(e as HTMLElement).closest("[hidden]");
    return {
      checked: [...el.querySelectorAll<HTMLInputElement>("input[type=radio], input[type=checkbox]")].filter((i) => i.checked).map((i) => `${i.name}=${i.value}`),
      values: [...el.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>("select, textarea, input[type=text]")].map((i) => `${i.id || i.name}=${i.value}`),
      order: [...el.querySelectorAll<HTMLElement>("li[data-item]")].map((li) => li.dataset.item!),
      // What the learner reached: the scenario step on screen, an ending, a profile, a quiz score.
      shown: [
        // A choice taken is saved at once; its "Continue" only shows the step it leads to, which a relaunch shows directly.
        ...[...el.querySelectorAll<HTMLElement>("[data-node]")].filter(visible).map((n) => `node ${n.querySelector<HTMLElement>('[data-choice][aria-pressed="true"]')?.dataset.next ?? n.dataset.node}`),
        ...[...el.querySelectorAll(".sp-outcome, .sp-profile")].filter(visible).map((e) => e.className),
        ...[...el.querySelectorAll<HTMLElement>(".sp-score")].map((e) => `score ${e.dataset.score}`),
      ],
    };
  });
}

/**
 * The answers given that a relaunch does not show. Choices, texts and orders must be exactly as left; what was
 * reached (a scenario step, a profile, a score) must still be shown, and may come with more (a relaunch shows
 * an ending's outcome at once, where the live page waited for "Continue").
 */
function missing(given: Answers, restored: Answers): string[] {
  const gone = (a: string[], b: string[]) => a.filter((x) => !b.includes(x));
  return [
    ...gone(given.checked, restored.checked),
    ...gone(restored.checked, given.checked).map((x) => `extra ${x}`),
    ...gone(given.values, restored.values),
    ...(given.order.join() === restored.order.join() ? [] : [`order ${given.order.join()}`]),
    ...gone(given.shown, restored.shown),
  ];
}

/** How many single answers a snapshot holds (a choice made, a text written, an order set, a result reached). */
const answerCount = (a: Answers) => a.checked.length + a.values.filter((v) => !v.endsWith("=")).length + (a.order.length ? 1 : 0) + a.shown.length;

async function launch(cmi?: Record<string, unknown>): Promise<LmsSession> {
  const lms = await openInLms(stage.browser, { packageDir: stage.packageDir, ...(cmi ? { cmi } : {}), initScript: seededRandomScript(11) });
  await playerReady(lms.frame());
  return lms;
}

const currentPage = (frame: Frame) => frame.$eval("[data-page]:not([hidden])", (e) => (e as HTMLElement).dataset.page!);

describe("a learner interrupted 20 times loses no answer (SCORM 1.2, Chromium)", () => {
  it(`closes the page at ${CLOSES} seeded points of the journey, relaunches, and finds every answer given`, { timeout: 300_000 }, async () => {
    const random = prng(SEED);
    // 20 distinct steps after which the page goes away, in journey order.
    const points = new Set<number>();
    while (points.size < CLOSES) points.add(Math.floor(random() * STEPS.length));
    const closeAfter = [...points].sort((a, b) => a - b);

    /** The answers given so far, per block or question, as they were on screen just after the step. */
    const given = new Map<string, { page: string; answers: Answers }>();
    const figures = { closes: 0, byRemoval: 0, checks: 0, lost: 0, pageKept: 0 };
    const lostAnswers: string[] = [];
    let lms = await launch();
    try {
      for (const [index, step] of STEPS.entries()) {
        const frame = lms.frame();
        if ((await currentPage(frame)) !== step.page) await goToPage(frame, step.page);
        await step.act(frame);
        if (step.scope) {
          // A quiz question is known by its id from here on, whatever its position after a relaunch.
          const scope = step.scope.includes(">> nth=")
            ? `#qz-final li[data-question="${await frame.locator(step.scope).evaluate((e) => (e as HTMLElement).dataset.question!)}"]`
            : step.scope;
          given.set(scope, { page: step.page, answers: await answersIn(frame, scope) });
          // Submitting a quiz changes what every question shows (its verdict), not what was answered.
          if (step.scope === "#qz-final") for (const [key, value] of given) if (key.startsWith("#qz-final li")) value.answers = await answersIn(frame, key);
        }
        if (!closeAfter.includes(index)) continue;

        // The page goes away right after this step: no waiting for saves.
        const byRemoval = random() < 0.5;
        if (byRemoval) await lms.page.evaluate('document.getElementById("sco").remove()');
        else await leavePage(frame);
        await expect.poll(async () => (await lms.lmsData()).finished, { timeout: 10_000 }).toBe(true);
        const { cmi } = await lms.lmsData();
        // Unfinished: the LMS is asked to keep the state for the next launch (once passed, the exit is normal).
        if (cmi.core.lesson_status === "incomplete") expect(cmi.core.exit).toBe("suspend");
        expect(await lms.breaches()).toEqual([]);
        await lms.close();
        figures.closes++;
        if (byRemoval) figures.byRemoval++;

        lms = await launch(cmi);
        const again = lms.frame();
        // Back on the page the learner left.
        expect(await currentPage(again)).toBe(step.page);
        figures.pageKept++;
        for (const [scope, { page, answers }] of given) {
          if ((await currentPage(again)) !== page) await goToPage(again, page);
          const restored = await answersIn(again, scope);
          figures.checks += answerCount(answers);
          const lost = missing(answers, restored);
          if (lost.length) {
            figures.lost += lost.length;
            lostAnswers.push(`after "${step.name}" (step ${index + 1}): ${scope} was ${JSON.stringify(answers)}, is ${JSON.stringify(restored)}`);
          }
        }
      }
      // The learner got to the end through all of it.
      await leavePage(lms.frame());
      await expect.poll(async () => (await lms.lmsData()).finished).toBe(true);
      const final = await lms.lmsData();
      expect(final.cmi.core.lesson_status).toBe("passed");
      expect(await lms.breaches()).toEqual([]);
    } finally {
      await lms.close();
      if (lostAnswers.length) console.log(lostAnswers.join("\n"));
      console.log(
        `hardening: interrupted learners: ${figures.closes} closes (${figures.byRemoval} by removing the iframe, ${figures.closes - figures.byRemoval} by navigating away) at steps ${closeAfter.map((i) => i + 1).join(",")} of ${STEPS.length}, ${figures.checks} answer checks across the relaunches (each answer given so far, each time), ${figures.lost} answers lost, ${figures.pageKept} relaunches on the page left`,
      );
    }
    expect(lostAnswers).toEqual([]);
    expect(figures.closes).toBe(CLOSES);
  });
});
