// Hardening, item 7 (issue 7): limits. A generated unit of 200 sections and 500 questions builds; where its
// worst-case saved progress passes SCORM 1.2's 4096 characters the SCORM 1.2 build fails with exactly
// SUSPEND_DATA_BUDGET, naming what to shorten, while the same unit builds as xAPI and cmi5 (a state
// document, no 4096 limit). Then the largest unit the unit format allows (every list at its maximum:
// 200 sections of 100 blocks, a quiz of 500 questions, 40-node scenarios, 40-statement self-assessments,
// 20 badges...) is checked: it builds within the budget or fails with the budget diagnostic, in bounded
// time, never with a crash.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUnit, createBuildContext, decodeState, encodeState, playerData, stateLayout, unitWorstCase, type Diagnostic, type Unit } from "../../src/index.js";
import { UI_STRINGS } from "../../src/shared/ui-strings.js";
import { emptyResumeState } from "../../src/shared/tracking-types.js";

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

/**
 * The seven question types in turn (or the five whose answers are choices, not typed text), shaped like
 * test/fixtures/units/player-journey's; every id unique in the unit.
 */
function question(n: number, types = 7): Record<string, unknown> {
  const id = `q-${n}`;
  const feedback = { feedbackCorrect: "Right.", feedbackWrong: "Not quite." };
  switch (n % types) {
    case 0:
      return { type: "singleChoice", id, prompt: `Question ${n}: which is calm?`, options: [{ id: "a", text: "Breathe.", correct: true, feedback: "Yes." }, { id: "b", text: "Shout.", correct: false, feedback: "No." }, { id: "c", text: "Leave.", correct: false, feedback: "No." }] };
    case 1:
      return { type: "multipleResponse", id, prompt: `Question ${n}: signs of stress?`, options: [{ id: "a", text: "Fast breath", correct: true, feedback: "Yes." }, { id: "b", text: "Tight fists", correct: true, feedback: "Yes." }, { id: "c", text: "A smile", correct: false, feedback: "No." }] };
    case 2:
      return { type: "trueFalse", id, prompt: `Question ${n}: listening helps.`, answer: true, ...feedback };
    case 3:
      return { type: "matching", id, prompt: `Question ${n}: match.`, pairs: [{ id: "m1", left: "Breathe", right: "Body" }, { id: "m2", left: "Ask", right: "Need" }, { id: "m3", left: "Wait", right: "Time" }], ...feedback };
    case 4:
      return { type: "sequencing", id, prompt: `Question ${n}: order.`, items: [{ id: "x1", text: "Pause" }, { id: "x2", text: "Name" }, { id: "x3", text: "Choose" }], ...feedback };
    case 5:
      return { type: "fillIn", id, prompt: `Question ${n}: take a slow ...`, accept: [{ id: "a1", text: "breath" }], ...feedback };
    default:
      return { type: "numeric", id, prompt: `Question ${n}: seconds of a pause?`, answer: 4, tolerance: 1, ...feedback };
  }
}

const scale = (points: number) => Array.from({ length: points }, (_, i) => ({ value: i + 1, label: `Level ${i + 1}` }));

function selfAssessment(id: string, statements: number, points: number): Record<string, unknown> {
  return {
    kind: "selfAssessment", id, title: "How calm are you?", instructions: "How true is each sentence?",
    scale: scale(points),
    statements: ids(`${id}-st`, statements).map((s) => ({ id: s, text: `Statement ${s}.` })),
    bands: [{ id: `${id}-low`, min: 1, max: points / 2, label: "Starting", feedback: "Keep going." }, { id: `${id}-high`, min: points / 2, max: points, label: "Strong", feedback: "Well done." }],
  };
}

/** A scenario of `n` nodes in a line, each step offering four choices (three forward, one to the poor ending); the last two are endings. */
function scenario(id: string, n: number): Record<string, unknown> {
  const nodes = Array.from({ length: n }, (_, i) => {
    const node = `${id}-n${i}`;
    if (i === n - 1) return { id: node, text: "The end.", outcome: "best" };
    if (i === n - 2) return { id: node, text: "Almost there.", outcome: "poor" };
    const next = `${id}-n${i + 1 === n - 2 ? n - 1 : i + 1}`;
    return {
      id: node, speaker: "Colleague", text: `Step ${i}.`,
      choices: [
        { id: `${node}-c1`, text: "Listen.", feedback: "Good.", next, points: 5 },
        { id: `${node}-c2`, text: "Ask.", feedback: "Good.", next, points: 3 },
        { id: `${node}-c3`, text: "Wait.", feedback: "Fine.", next },
        { id: `${node}-c4`, text: "Leave.", feedback: "Oh.", next: `${id}-n${n - 2}` },
      ],
    };
  });
  return { kind: "scenario", id, title: "A long talk", intro: "Your colleague is upset.", start: `${id}-n0`, nodes };
}

const sorting = (id: string, items: number, categories: number) => ({
  kind: "sorting", id, title: "Sort", instructions: "Choose where each belongs.",
  categories: ids(`${id}-cat`, categories).map((c) => ({ id: c, label: `Category ${c}` })),
  items: ids(`${id}-i`, items).map((i, k) => ({ id: i, text: `Card ${i}.`, category: `${id}-cat-${k % categories}` })),
});
const matching = (id: string, pairs: number) => ({
  kind: "matching", id, title: "Match", instructions: "Match each pair.",
  pairs: ids(`${id}-p`, pairs).map((p) => ({ id: p, left: `Left ${p}`, right: `Right ${p}` })),
});
const quiz = (id: string, first: number, count: number, draw?: number) => ({
  kind: "quiz", id, title: "Check", passMark: 70, attempts: 2, ...(draw ? { draw } : {}), questions: Array.from({ length: count }, (_, i) => question(first + i, draw ? 5 : 7)),
});

const head = (id: string) => ({
  id, version: "1.0.0", language: "en", languages: ["en"], title: "A very long unit", description: "Generated for the limits test.", hours: 40,
  outcomes: ids("o", 12).map((o) => ({ id: o, text: `Outcome ${o}.` })),
});

/**
 * 200 sections and 500 questions: 50 quizzes of 10, reflections, a few activities, text on every page. As
 * written for SCORM 1.2 (`lean`), each attempt draws 4 of a quiz's 10 questions, answers are choices (typed
 * answers take the most room in suspend_data), and there are 5 reflections.
 */
function unitOf200Sections(lean = false): Record<string, unknown> {
  let q = 0;
  const sections = Array.from({ length: 200 }, (_, s) => {
    const blocks: Record<string, unknown>[] = [{ kind: "text", id: `t-${s}`, markdown: `## Part ${s + 1}\n\nRead this, then **do** the activity.` }];
    if (s % 4 === 3) {
      blocks.push(quiz(`qz-${s}`, q, 10, lean ? 4 : undefined));
      q += 10;
    }
    if (s % (lean ? 40 : 10) === 5) blocks.push({ kind: "reflection", id: `r-${s}`, prompt: `What did part ${s + 1} teach you?`, maxLength: lean ? 200 : 280 });
    if (s === 0) blocks.push(selfAssessment("sa", 6, 4));
    if (s === 199) blocks.push({ kind: "selfAssessmentRetake", id: "sa-after", selfAssessment: "sa" });
    if (s % 50 === 10) blocks.push(scenario(`sc-${s}`, 6));
    if (s % 50 === 20) blocks.push(sorting(`so-${s}`, 6, 2));
    if (s % 50 === 30) blocks.push(matching(`ma-${s}`, 4));
    return { id: `s-${s}`, title: `Part ${s + 1}`, blocks };
  });
  expect(q).toBe(500);
  return { ...head(lean ? "two-hundred-lean" : "two-hundred"), sections };
}

/** Every list of the unit format at its maximum. */
function largestUnit(): Record<string, unknown> {
  const sections = Array.from({ length: 200 }, (_, s) => {
    const blocks: Record<string, unknown>[] = Array.from({ length: 100 }, (_, b) => {
      const id = `b-${s}-${b}`;
      if (s === 0 && b === 0) return quiz("qz-all", 0, 500);
      if (s === 0 && b === 1) return selfAssessment("sa-max", 40, 7);
      if (s === 199 && b === 99) return { kind: "selfAssessmentRetake", id: "sa-max-after", selfAssessment: "sa-max" };
      switch (b % 10) {
        case 1:
          return { kind: "reflection", id, prompt: "What will you do?", maxLength: 2000 };
        case 3:
          return b === 3 ? scenario(id, 40) : { kind: "callout", id, tone: "tip", markdown: "Breathe." };
        case 5:
          return b === 5 ? sorting(id, 30, 6) : { kind: "text", id, markdown: "More to read." };
        case 7:
          return b === 7 ? matching(id, 12) : { kind: "text", id, markdown: "More to read." };
        default:
          return { kind: "text", id, markdown: `Part ${s}.${b}: read this.` };
      }
    });
    return { id: `s-${s}`, title: `Part ${s + 1}`, blocks };
  });
  const gamification = {
    pointsPerPage: 1,
    pointsPerReflection: 2,
    levels: Array.from({ length: 10 }, (_, i) => ({ id: `lv-${i}`, name: `Level ${i}`, minPoints: i * 100 })),
    badges: Array.from({ length: 20 }, (_, i) => ({ id: `bd-${i}`, name: `Badge ${i}`, description: "Earned.", criterion: { type: "pointsAtLeast", points: (i + 1) * 50 } })),
  };
  return { ...head("largest"), sections, gamification };
}

async function writeUnit(root: string, name: string, unit: Record<string, unknown>): Promise<string> {
  const dir = join(root, name);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "unit.json"), JSON.stringify(unit));
  return dir;
}

const errorsOf = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.severity === "error");

describe("limits: the biggest units build, or fail with the budget diagnostic", () => {
  let root: string;
  const lines: string[] = [];
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "skillpack-limits-"));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
    for (const line of lines) console.log(line);
  });

  it("a unit of 200 sections and 500 questions: SCORM 1.2 within the budget or SUSPEND_DATA_BUDGET naming what to shorten; xAPI and cmi5 build", { timeout: 180_000 }, async () => {
    const source = unitOf200Sections();
    const dir = await writeUnit(root, "two-hundred", source);
    const context = createBuildContext({ cwd: dir });
    const worst = unitWorstCase(source as unknown as Unit);
    const outcomes: string[] = [];

    let started = performance.now();
    const scorm = await buildUnit(dir, { cwd: dir, context, format: "scorm12", outDir: join(root, "out") });
    const scormMs = performance.now() - started;
    if (worst.length <= 4096) {
      expect(errorsOf(scorm.diagnostics)).toEqual([]);
      expect(scorm.packages).toHaveLength(1);
      outcomes.push(`SCORM 1.2 builds (${(scorm.packages[0]!.size! / 1e6).toFixed(1)} MB) in ${(scormMs / 1000).toFixed(1)} s, worst-case suspend_data ${worst.length} of 4096`);
    } else {
      // Exactly the budget diagnostic, nothing else, and it says what to shorten and by how much.
      expect(errorsOf(scorm.diagnostics).map((d) => d.code)).toEqual(["SUSPEND_DATA_BUDGET"]);
      const budget = scorm.diagnostics[0]!;
      expect(budget.message).toContain(`${worst.length} characters`);
      expect(budget.message).toContain("4096");
      const named = worst.parts.filter((p) => p.kind !== "progress").slice(0, 3);
      for (const part of named) expect(budget.message).toContain(`${part.kind} "${part.id}" (${part.chars})`);
      expect(budget.hint).toContain(`shorten by at least ${worst.length - 4096} characters`);
      expect(budget.pointer).not.toBe("");
      expect(budget.loc?.line).toBeGreaterThan(0);
      expect(scorm.packages).toEqual([]);
      outcomes.push(`SCORM 1.2 refused with SUSPEND_DATA_BUDGET in ${(scormMs / 1000).toFixed(1)} s (worst case ${worst.length} of 4096, naming ${named.map((p) => p.id).join(", ")})`);
    }

    for (const format of ["xapi", "cmi5"] as const) {
      started = performance.now();
      const result = await buildUnit(dir, { cwd: dir, context, format, outDir: join(root, "out") });
      const ms = performance.now() - started;
      expect(errorsOf(result.diagnostics)).toEqual([]);
      expect(result.packages).toHaveLength(1);
      const html = String(result.packages[0]!.files.get("index.html"));
      // Every section and every question is in the page.
      expect(html.match(/<section class="sp-page" id="s-\d+"/g)).toHaveLength(200);
      expect(html.match(/data-question="q-\d+"/g)?.length).toBeGreaterThanOrEqual(500);
      outcomes.push(`${format} builds (${(result.packages[0]!.size! / 1e6).toFixed(1)} MB) in ${(ms / 1000).toFixed(1)} s`);
    }

    // The saved state of such a unit (all 200 pages seen, every reflection written) survives the codec.
    const layout = stateLayout(playerData(source as unknown as Unit, UI_STRINGS.en, () => "", (p) => p));
    const state = { ...emptyResumeState("s-199"), visited: (source.sections as { id: string }[]).map((s) => s.id) };
    for (const s of source.sections as { blocks: { kind: string; id: string }[] }[])
      for (const b of s.blocks) if (b.kind === "reflection") state.reflections[b.id] = `Ą ${b.id} `.repeat(40).slice(0, 280);
    const decoded = decodeState(encodeState(state, layout), layout);
    expect(decoded.ok && decoded.state.visited.length).toBe(200);
    expect(decoded.ok && decoded.state.reflections).toEqual(state.reflections);

    lines.push(`hardening: limits: 200 sections, 500 questions: ${outcomes.join("; ")}`);
  });

  it("the same 200 sections and 500 questions, written for SCORM 1.2 (4 of 10 drawn, no typed answers): builds as SCORM 1.2 within the budget", { timeout: 120_000 }, async () => {
    const source = unitOf200Sections(true);
    const dir = await writeUnit(root, "two-hundred-lean", source);
    const worst = unitWorstCase(source as unknown as Unit);
    const started = performance.now();
    const result = await buildUnit(dir, { cwd: dir, format: "scorm12", outDir: join(root, "out") });
    const ms = performance.now() - started;
    expect(worst.length).toBeLessThanOrEqual(4096);
    expect(errorsOf(result.diagnostics)).toEqual([]);
    expect(result.packages).toHaveLength(1);
    lines.push(`hardening: limits: 200 sections, 500 questions (choices only, 4 of 10 drawn per attempt, 5 reflections): SCORM 1.2 builds (${(result.packages[0]!.size! / 1e6).toFixed(1)} MB) in ${(ms / 1000).toFixed(1)} s, worst-case suspend_data ${worst.length} of 4096`);
  });

  it("the largest unit the format allows: within the budget, or SUSPEND_DATA_BUDGET, in bounded time", { timeout: 180_000 }, async () => {
    const source = largestUnit();
    const text = JSON.stringify(source);
    const dir = await writeUnit(root, "largest", source);
    const blocks = (source.sections as { blocks: unknown[] }[]).reduce((n, s) => n + s.blocks.length, 0);
    expect(blocks).toBe(20_000);
    const worst = unitWorstCase(source as unknown as Unit);
    const started = performance.now();
    const result = await buildUnit(dir, { cwd: dir, format: "scorm12", write: false });
    const ms = performance.now() - started;
    const errors = errorsOf(result.diagnostics);
    let outcome: string;
    if (worst.length <= 4096) {
      expect(errors).toEqual([]);
      outcome = `builds, worst case ${worst.length} of 4096`;
    } else {
      expect(errors.map((d) => d.code)).toEqual(["SUSPEND_DATA_BUDGET"]);
      expect(errors[0]!.hint).toContain(`shorten by at least ${worst.length - 4096} characters`);
      outcome = `refused with SUSPEND_DATA_BUDGET (worst case ${worst.length} characters of 4096)`;
    }
    // Bounded: a designer waits seconds, not minutes, for the answer.
    expect(ms).toBeLessThan(60_000);
    // Without the 4096 limit (xAPI), the whole of it renders and zips.
    const xapiStarted = performance.now();
    const xapi = await buildUnit(dir, { cwd: dir, format: "xapi", outDir: join(root, "out") });
    const xapiMs = performance.now() - xapiStarted;
    expect(errorsOf(xapi.diagnostics)).toEqual([]);
    expect(xapi.packages).toHaveLength(1);
    expect(xapiMs).toBeLessThan(120_000);
    lines.push(
      `hardening: limits: largest unit (200 sections × 100 blocks = ${blocks} blocks, a 500-question quiz, ${(text.length / 1e6).toFixed(1)} MB of JSON): SCORM 1.2 ${outcome} in ${(ms / 1000).toFixed(1)} s; xapi builds (${(xapi.packages[0]!.size! / 1e6).toFixed(1)} MB) in ${(xapiMs / 1000).toFixed(1)} s`,
    );
  });
});
