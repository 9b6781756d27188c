// What the player's browser tests share: a package built with the real build and unzipped, and the
// learner's actions, driven by the unit's own JSON so the tests know the right answers.
import { mkdtemp, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Frame } from "playwright-core";
import { expect } from "vitest";
import { buildUnit } from "../../src/node/build/build-unit.js";
import { zipFiles } from "../../src/node/package/zip-writer.js";
import { unzipInto } from "../helpers/build-package.js";
import type { QuizQuestion, Unit } from "../../src/shared/unit-types.js";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const JOURNEY_UNIT = path.join(REPO, "test/fixtures/units/player-journey");

/** Zips the files as a package is shipped, then unzips them into a folder the test LMS serves. */
async function unzipTo(files: Map<string, Uint8Array | string>, dir: string): Promise<void> {
  await unzipInto(await zipFiles(files), dir);
}

/** Builds the unit with buildUnit (write: false) and unzips each language's package into a fresh folder. */
export async function buildAndUnzip(unitDir: string, options: { languages?: string[] } = {}): Promise<Record<string, string>> {
  const result = await buildUnit(unitDir, { write: false, cwd: REPO, ...(options.languages ? { languages: options.languages } : {}) });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length) throw new Error(errors.map((d) => `${d.code} ${d.pointer}: ${d.message}`).join("\n"));
  const root = await mkdtemp(path.join(tmpdir(), "skillpack-player-"));
  const dirs: Record<string, string> = {};
  for (const pkg of result.packages) {
    const dir = path.join(root, pkg.language);
    await unzipTo(pkg.files, dir);
    dirs[pkg.language] = dir;
  }
  return dirs;
}

export async function readUnit(unitDir: string): Promise<Unit> {
  return JSON.parse(await readFile(path.join(unitDir, "unit.json"), "utf8")) as Unit;
}

export const blocksOf = (unit: Unit) => unit.sections.flatMap((s) => s.blocks);

/** Waits for the player to be running (it unhides the pager). */
export async function playerReady(frame: Frame): Promise<void> {
  await frame.waitForSelector("#sp-pager:not([hidden])");
}

export async function goToPage(frame: Frame, pageId: string): Promise<void> {
  const shown = `[data-page="${pageId}"]:not([hidden])`;
  // A notice that comes or goes (saving) can move the menu between aiming and clicking, as it can under
  // a learner's finger: then the click lands beside the link, and the page is asked for again.
  for (let tries = 1; ; tries++) {
    await frame.click(`#sp-menu a[data-page-link="${pageId}"]`, { force: true }).catch(async () => {
      // At a narrow width the menu is folded behind its toggle.
      await frame.click("#sp-menu-toggle");
      await frame.click(`#sp-menu a[data-page-link="${pageId}"]`);
    });
    try {
      await frame.waitForSelector(shown, { timeout: tries < 3 ? 3000 : 30_000 });
      return;
    } catch (error) {
      if (tries >= 3) throw error;
    }
  }
}

export async function takeSelfAssessment(frame: Frame, blockId: string, radioPrefix: string, values: number[], statementIds: string[]): Promise<void> {
  for (const [i, id] of statementIds.entries()) await frame.check(`#${blockId} input[name="${radioPrefix}-${id}"][value="${values[i]}"]`);
  await frame.click(`#${blockId} [data-action="submit"]`);
  await frame.waitForSelector(`#${blockId} .sp-profile`);
}

/** Makes each choice in the node on screen and continues, to the scenario's ending. */
export async function playScenario(frame: Frame, blockId: string, choices: readonly string[]): Promise<void> {
  for (const choice of choices) {
    await frame.click(`#${blockId} .sp-scenario-node:not([hidden]) [data-choice="${choice}"]`);
    await frame.click(`#${blockId} .sp-button-primary`);
  }
  await frame.waitForSelector(`#${blockId} .sp-outcome`);
}

export async function writeReflection(frame: Frame, blockId: string, text: string): Promise<void> {
  await frame.fill(`#${blockId}-answer`, text);
  await frame.dispatchEvent(`#${blockId}-answer`, "change");
}

/** Answers every question on screen: rightly, or wrongly when `right` says so. */
export async function answerQuiz(frame: Frame, quizId: string, unit: Unit, right: (q: QuizQuestion) => boolean): Promise<string[]> {
  const quiz = blocksOf(unit).find((b) => b.id === quizId);
  if (quiz?.kind !== "quiz") throw new Error(`no quiz ${quizId}`);
  const shown = await frame.$$eval(`#${quizId} li.sp-question:not([hidden])`, (els) => els.map((e) => (e as HTMLElement).dataset.question!));
  for (const id of shown) {
    const q = quiz.questions.find((x) => x.id === id)!;
    await answerQuestion(frame, q, right(q));
  }
  return shown;
}

export async function answerQuestion(frame: Frame, q: QuizQuestion, right: boolean): Promise<void> {
  const li = `li[data-question="${q.id}"]`;
  switch (q.type) {
    case "singleChoice": {
      const option = q.options.find((o) => o.correct === right)!;
      await frame.check(`${li} input[value="${option.id}"]`);
      return;
    }
    case "multipleResponse":
      for (const o of q.options) {
        if (o.correct === right) await frame.check(`${li} input[value="${o.id}"]`);
      }
      return;
    case "trueFalse":
      await frame.check(`${li} input[value="${String(right ? q.answer : !q.answer)}"]`);
      return;
    case "matching":
      for (const [i, p] of q.pairs.entries()) {
        const other = q.pairs[(i + 1) % q.pairs.length]!;
        await frame.selectOption(`${li} select[data-pair="${p.id}"]`, right ? p.id : other.id);
      }
      return;
    case "sequencing": {
      const target = right ? q.items.map((i) => i.id) : [...q.items.map((i) => i.id)].reverse();
      for (const [position, id] of target.entries()) {
        for (;;) {
          const order = await frame.$$eval(`${li} li[data-item]`, (els) => els.map((e) => (e as HTMLElement).dataset.item!));
          if (order.indexOf(id) <= position) break;
          await frame.click(`${li} li[data-item="${id}"] [data-move="up"]`);
        }
      }
      return;
    }
    case "fillIn":
      await frame.fill(`${li} input[type=text]`, right ? q.accept[0]!.text : "something else");
      await frame.dispatchEvent(`${li} input[type=text]`, "change");
      return;
    case "numeric":
      await frame.fill(`${li} input[type=text]`, right ? String(q.answer) : String(q.answer + (q.tolerance ?? 0) + 10));
      await frame.dispatchEvent(`${li} input[type=text]`, "change");
      return;
  }
}

export async function submitQuiz(frame: Frame, quizId: string): Promise<number> {
  await frame.click(`#${quizId} [data-action="submit"]`);
  const unanswered = await frame.$(`#${quizId} .sp-result:not(:has(.sp-score))`);
  if (unanswered && (await unanswered.textContent())?.trim()) await frame.click(`#${quizId} [data-action="submit"]`);
  const score = await frame.waitForSelector(`#${quizId} .sp-score`);
  return Number(await score.getAttribute("data-score"));
}

/** Leaves the package page as a closing tab would: pagehide fires, the player calls LMSFinish. */
export async function leavePage(frame: Frame): Promise<void> {
  await frame.goto("about:blank");
}

// SCORM 1.2 RTE §3.4.2 formats, as the test LMS checks them too.
export const RESPONSE_FORMATS: Record<string, RegExp> = {
  choice: /^[0-9a-z](,[0-9a-z])*$/,
  sequencing: /^[0-9a-z](,[0-9a-z])*$/,
  "true-false": /^[01tf]$/,
  matching: /^[0-9a-z]\.[0-9a-z](,[0-9a-z]\.[0-9a-z])*$/,
  likert: /^[0-9a-z]$/,
  numeric: /^-?\d{0,3}(\.\d+)?$/,
  "fill-in": /^[\s\S]{0,255}$/,
};

export function expectValidInteraction(i: { id: string; type: string; student_response: string; result: string; latency: string; time: string }): void {
  expect(i.id).toMatch(/^[\x21-\x7e]{1,255}$/);
  expect(Object.keys(RESPONSE_FORMATS)).toContain(i.type);
  expect(i.student_response).toMatch(RESPONSE_FORMATS[i.type]!);
  expect(["correct", "wrong", "neutral"]).toContain(i.result);
  expect(i.latency).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
  expect(i.time).toMatch(/^[0-2]\d:[0-5]\d:[0-5]\d(\.\d{1,2})?$/);
}

/** The choices that lead from the scenario's start to an ending of the best outcome there is. */
export function bestScenarioPath(block: Extract<Unit["sections"][number]["blocks"][number], { kind: "scenario" }>): string[] {
  for (const wanted of ["best", "good", "poor"]) {
    const queue: { node: string; path: string[] }[] = [{ node: block.start, path: [] }];
    const seen = new Set([block.start]);
    while (queue.length) {
      const { node, path } = queue.shift()!;
      const n = block.nodes.find((x) => x.id === node)!;
      if (n.outcome === wanted) return path;
      for (const c of n.choices ?? []) {
        if (seen.has(c.next)) continue;
        seen.add(c.next);
        queue.push({ node: c.next, path: [...path, c.id] });
      }
    }
  }
  return [];
}

export interface JourneyOptions {
  /** Likert value to give to every statement, before and after (default: the scale's middle, then its top). */
  likert?: { before: number; after: number };
  reflection?: (blockId: string) => string;
  /** Do the quiz (all right) or leave it. */
  quiz?: boolean;
}

/** Goes through every page of the unit and does what each block asks, the right way. Returns the drawn quiz questions. */
export async function completeUnit(frame: Frame, unit: Unit, options: JourneyOptions = {}): Promise<{ drawn: string[]; score?: number; statements: number }> {
  let drawn: string[] = [];
  let score: number | undefined;
  let statements = 0;
  await playerReady(frame);
  for (const section of unit.sections) {
    await goToPage(frame, section.id);
    for (const block of section.blocks) {
      switch (block.kind) {
        case "selfAssessment":
        case "selfAssessmentRetake": {
          const sa = block.kind === "selfAssessment" ? block : blocksOf(unit).find((b) => b.id === block.selfAssessment);
          if (sa?.kind !== "selfAssessment") break;
          const values = sa.scale.map((s) => s.value);
          const value = block.kind === "selfAssessment" ? (options.likert?.before ?? values[Math.floor(values.length / 2)]!) : (options.likert?.after ?? values.at(-1)!);
          await takeSelfAssessment(frame, block.id, block.id, sa.statements.map(() => value), sa.statements.map((s) => s.id));
          statements += sa.statements.length;
          break;
        }
        case "reflection":
          await writeReflection(frame, block.id, options.reflection?.(block.id) ?? `My answer to ${block.id}.`);
          break;
        case "scenario":
          await playScenario(frame, block.id, bestScenarioPath(block));
          break;
        case "sorting":
          for (const item of block.items) await frame.check(`input[name="${block.id}-${item.id}"][value="${item.category}"]`);
          await frame.click(`#${block.id} [data-action="check"]`);
          break;
        case "matching":
          for (const pair of block.pairs) await frame.selectOption(`#${block.id}-${pair.id}`, pair.id);
          await frame.click(`#${block.id} [data-action="check"]`);
          break;
        case "quiz":
          if (options.quiz === false) break;
          drawn = await answerQuiz(frame, block.id, unit, () => true);
          score = await submitQuiz(frame, block.id);
          break;
        default:
          break;
      }
    }
  }
  return { drawn, ...(score === undefined ? {} : { score }), statements };
}

/** A package that carries every language of the unit in one page, with the player's language switch (buildUnit's multilingual option). */
export async function buildMultilingual(unitDir: string): Promise<string> {
  const result = await buildUnit(unitDir, { write: false, cwd: REPO, multilingual: true });
  const pkg = result.packages[0];
  if (!pkg || result.packages.length !== 1) throw new Error(`expected one multilingual package: ${result.diagnostics.map((d) => d.message).join("\n")}`);
  const dir = await mkdtemp(path.join(tmpdir(), "skillpack-multilingual-"));
  expect(pkg.name).toBe(`${pkg.unitId}-${(await readUnit(unitDir)).languages.join("-")}-scorm12.zip`);
  await unzipTo(pkg.files, dir);
  return dir;
}

let axeSource: Promise<string> | undefined;

/**
 * Runs axe (WCAG 2.1 A and AA) in the package's frame. Playwright's evaluate goes through the DevTools
 * protocol, which the page's CSP (script-src 'self') does not govern, so the package is tested as shipped.
 */
export async function axeViolations(frame: Frame, what: string): Promise<string[]> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  if (!(await frame.evaluate("typeof window.axe !== 'undefined'"))) await frame.evaluate(await axeSource);
  const results = (await frame.evaluate(
    `axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } })`,
  )) as { passes: unknown[]; violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
  expect(results.passes.length, "axe ran its checks").toBeGreaterThan(0);
  return results.violations.map((v) => `${what}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
