import type { LikertAnswers, PlacementProgress, QuizAttempt, QuizProgress, ResumeState, ScenarioOutcome, ScenarioProgress } from "../tracking-types.js";
import { emptyResumeState } from "../tracking-types.js";
import { drawQuestions } from "./quiz-draw.js";
import { layoutFingerprint, type LayoutQuestion, type StateLayout } from "./state-layout.js";
import { StateTextReader, StateTextWriter } from "./state-text.js";

/**
 * The learner's whole progress as one short text: what SCORM 1.2 keeps in cmi.suspend_data (4096
 * characters at most) and the standalone player keeps in localStorage.
 *
 *   "2" fingerprint(4) language "." page "." visited-bits badge-bits
 *   per self-assessment: before after      each "-" (not started) or done-flag + a digit per statement
 *   per scenario:        outcome-bits bestPoints "." steps "." a digit per step (the choice's position)
 *   per sorting:         a digit per card (category position + 1, 0 = not placed) bestRight "."
 *   per matching:        a digit per pair (pair position + 1) bestRight "."
 *   per quiz:            attempts "." bestScore×100 "." bestPoints "." then "-" or submitted-flag seed "." answers
 *   per reflection:      length ":" text
 *
 * Everything is referred to by its position in the unit's id lists (the StateLayout), so the text does
 * not grow with long ids; numbers are base 36. Texts come last, so a damaged text cannot shift the rest.
 */
export const STATE_VERSION = "2";
/** The page id of "My notebook": never a section id (section ids start with a letter or digit). */
export const NOTEBOOK_PAGE = "_notebook";

const OUTCOMES: readonly ScenarioOutcome[] = ["best", "good", "poor"];
/** Attempt counts are capped when saved, so an unlimited quiz cannot grow the text without end. */
export const MAX_SAVED_ATTEMPTS = 36 ** 2 - 1;

const positionOf = (list: readonly string[], id: string | undefined) => (id === undefined ? -1 : list.indexOf(id));

// ------------------------------------------------------------------ answers to quiz questions

function writeAnswer(w: StateTextWriter, q: LayoutQuestion, answer: string[] | undefined): void {
  switch (q.answer) {
    case "one":
      w.digit(positionOf(q.options, answer?.[0]) + 1);
      return;
    case "many": {
      let mask = 0;
      for (const id of answer ?? []) if (q.options.includes(id)) mask |= 1 << q.options.indexOf(id);
      w.raw(mask.toString(36).padStart(2, "0"));
      return;
    }
    case "trueFalse":
      w.digit(answer?.[0] === "true" ? 1 : answer?.[0] === "false" ? 2 : 0);
      return;
    case "pairs":
      q.options.forEach((_, i) => w.digit(positionOf(q.options, answer?.[i] || undefined) + 1));
      return;
    case "order": {
      const valid = answer && answer.length === q.options.length && q.options.every((id) => answer.includes(id));
      q.options.forEach((_, i) => w.digit(valid ? positionOf(q.options, answer[i]) + 1 : 0));
      return;
    }
    case "text":
      w.text(clip(answer?.[0] ?? "", q.maxLength));
      return;
  }
}

function readAnswer(r: StateTextReader, q: LayoutQuestion): string[] | undefined {
  const at = (list: readonly string[], digit: number) => (digit > 0 ? list[digit - 1] : undefined);
  switch (q.answer) {
    case "one": {
      const id = at(q.options, r.digit());
      return id ? [id] : undefined;
    }
    case "many": {
      const mask = parseInt(r.raw(2), 36);
      const ids = q.options.filter((_, i) => mask & (1 << i));
      return ids.length ? ids : undefined;
    }
    case "trueFalse": {
      const v = r.digit();
      return v === 1 ? ["true"] : v === 2 ? ["false"] : undefined;
    }
    case "pairs": {
      const ids = q.options.map(() => at(q.options, r.digit()) ?? "");
      return ids.some(Boolean) ? ids : undefined;
    }
    case "order": {
      const ids = q.options.map(() => at(q.options, r.digit()));
      return ids.every(Boolean) ? (ids as string[]) : undefined;
    }
    case "text": {
      const text = r.text();
      return text ? [text] : undefined;
    }
  }
}

/** Cuts a text to a length without splitting a surrogate pair (an emoji is two UTF-16 units). */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max));
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

// ------------------------------------------------------------------ blocks

function writeLikert(w: StateTextWriter, scale: readonly number[], count: number, answers: LikertAnswers | undefined): void {
  if (!answers) {
    w.raw("-");
    return;
  }
  w.digit(answers.done ? 1 : 0);
  for (let i = 0; i < count; i++) w.digit(scale.indexOf(answers.values[i] ?? NaN) + 1);
}

function readLikert(r: StateTextReader, scale: readonly number[], count: number): LikertAnswers | undefined {
  if (r.peek() === "-") {
    r.raw(1);
    return undefined;
  }
  const done = r.digit() === 1;
  const values = Array.from({ length: count }, () => {
    const d = r.digit();
    return d > 0 && d <= scale.length ? scale[d - 1]! : null;
  });
  return { values, done };
}

type ScenarioLayout = StateLayout["scenarios"][number];

/** The choice positions along a path of choice ids, stopping at the first one that does not fit the unit. */
export function scenarioSteps(s: ScenarioLayout, path: readonly string[]): number[] {
  const steps: number[] = [];
  let node = s.nodes.find((n) => n.id === s.start);
  for (const choiceId of path) {
    const index = node ? node.choices.findIndex((c) => c.id === choiceId) : -1;
    if (!node || index < 0) break;
    steps.push(index);
    const next: string = node.choices[index]!.next;
    node = s.nodes.find((n) => n.id === next);
  }
  return steps;
}

function writeScenario(w: StateTextWriter, s: ScenarioLayout, p: ScenarioProgress | undefined): void {
  w.bits(OUTCOMES.map((o) => p?.outcomes.includes(o) ?? false));
  w.int(p?.bestPoints ?? 0);
  const steps = scenarioSteps(s, p?.path ?? []);
  w.int(steps.length);
  for (const step of steps) w.digit(step);
}

function readScenario(r: StateTextReader, s: ScenarioLayout): ScenarioProgress {
  const reached = r.bits(OUTCOMES.length);
  const bestPoints = r.int();
  const count = r.int();
  const path: string[] = [];
  let node = s.nodes.find((n) => n.id === s.start);
  for (let i = 0; i < count; i++) {
    const choice = node?.choices[r.digit()];
    if (!choice) continue;
    path.push(choice.id);
    node = s.nodes.find((n) => n.id === choice.next);
  }
  return { path, outcomes: OUTCOMES.filter((_, i) => reached[i]), bestPoints };
}

function writePlacement(w: StateTextWriter, cards: readonly string[], targets: readonly string[], p: PlacementProgress | undefined): void {
  for (const card of cards) w.digit(positionOf(targets, p?.placed[card]) + 1);
  w.int(p?.bestRight);
}

function readPlacement(r: StateTextReader, cards: readonly string[], targets: readonly string[]): PlacementProgress {
  const placed: Record<string, string> = {};
  for (const card of cards) {
    const d = r.digit();
    if (d > 0 && targets[d - 1]) placed[card] = targets[d - 1]!;
  }
  const bestRight = r.optionalInt();
  return bestRight === undefined ? { placed } : { placed, bestRight };
}

type QuizLayout = StateLayout["quizzes"][number];

export const drawnFor = (quiz: QuizLayout, seed: number) =>
  drawQuestions({ questionCount: quiz.questions.length, draw: quiz.draw, shuffle: quiz.shuffle }, seed).map((i) => quiz.questions[i]!);

function writeQuiz(w: StateTextWriter, quiz: QuizLayout, p: QuizProgress | undefined): void {
  w.int(Math.min(p?.attempts ?? 0, MAX_SAVED_ATTEMPTS));
  w.int(p?.bestScore === undefined ? undefined : Math.round(p.bestScore * 100));
  w.int(p?.bestPoints ?? 0);
  const current = p?.current;
  if (!current) {
    w.raw("-");
    return;
  }
  w.digit(current.submitted ? 1 : 0).int(current.seed);
  for (const q of drawnFor(quiz, current.seed)) writeAnswer(w, q, current.answers[q.id]);
}

function readQuiz(r: StateTextReader, quiz: QuizLayout): QuizProgress {
  const attempts = r.int();
  const best = r.optionalInt();
  const bestPoints = r.int();
  const progress: QuizProgress = { attempts, bestPoints, ...(best === undefined ? {} : { bestScore: best / 100 }) };
  if (r.peek() === "-") {
    r.raw(1);
    return progress;
  }
  const submitted = r.digit() === 1;
  const seed = r.int();
  const answers: Record<string, string[]> = {};
  for (const q of drawnFor(quiz, seed)) {
    const answer = readAnswer(r, q);
    if (answer) answers[q.id] = answer;
  }
  const current: QuizAttempt = { seed, answers, submitted };
  return { ...progress, current };
}

// ------------------------------------------------------------------ the whole state

function writeState(state: ResumeState, layout: StateLayout): string {
  const w = new StateTextWriter();
  w.raw(STATE_VERSION).raw(layoutFingerprint(layout));
  w.raw(state.language && /^[A-Za-z0-9-]{1,35}$/.test(state.language) ? state.language : "").raw(".");
  const page = state.page === NOTEBOOK_PAGE ? layout.pages.length : Math.max(0, layout.pages.indexOf(state.page));
  w.int(page);
  w.bits(layout.pages.map((id) => state.visited.includes(id)));
  w.bits(layout.badges.map((id) => state.badges.includes(id)));
  for (const sa of layout.selfAssessments) {
    const p = state.selfAssessments[sa.id];
    writeLikert(w, sa.scale, sa.statements.length, p?.before);
    writeLikert(w, sa.scale, sa.statements.length, p?.after);
  }
  for (const s of layout.scenarios) writeScenario(w, s, state.scenarios[s.id]);
  for (const s of layout.sortings) writePlacement(w, s.items, s.categories, state.sortings[s.id]);
  for (const m of layout.matchings) writePlacement(w, m.pairs, m.pairs, state.matchings[m.id]);
  for (const q of layout.quizzes) writeQuiz(w, q, state.quizzes[q.id]);
  for (const r of layout.reflections) w.text(clip(state.reflections[r.id] ?? "", r.maxLength));
  return w.toString();
}

function readState(text: string, layout: StateLayout): ResumeState {
  const r = new StateTextReader(text);
  r.raw(1 + 4); // version and fingerprint, checked by the caller
  let language = "";
  while (r.peek() !== ".") language += r.raw(1);
  r.raw(1);
  const pageIndex = r.int();
  const state = emptyResumeState(pageIndex === layout.pages.length ? NOTEBOOK_PAGE : (layout.pages[pageIndex] ?? layout.pages[0] ?? ""));
  if (language) state.language = language;
  const visited = r.bits(layout.pages.length);
  state.visited = layout.pages.filter((_, i) => visited[i]);
  const badges = r.bits(layout.badges.length);
  state.badges = layout.badges.filter((_, i) => badges[i]);
  for (const sa of layout.selfAssessments) {
    const before = readLikert(r, sa.scale, sa.statements.length);
    const after = readLikert(r, sa.scale, sa.statements.length);
    if (before || after) state.selfAssessments[sa.id] = { ...(before ? { before } : {}), ...(after ? { after } : {}) };
  }
  for (const s of layout.scenarios) state.scenarios[s.id] = readScenario(r, s);
  for (const s of layout.sortings) state.sortings[s.id] = readPlacement(r, s.items, s.categories);
  for (const m of layout.matchings) state.matchings[m.id] = readPlacement(r, m.pairs, m.pairs);
  for (const q of layout.quizzes) state.quizzes[q.id] = readQuiz(r, q);
  for (const refl of layout.reflections) {
    const t = r.text();
    if (t) state.reflections[refl.id] = t;
  }
  return state;
}

export interface EncodeOptions {
  /** The most characters the text may have (SCORM 1.2: 4096). Over it, the longest texts are cut first. */
  limit?: number;
}

/**
 * Encodes the state; never longer than `limit`. A unit the build accepted always fits whole; the cuts are
 * a last guard, longest notebook text first, so the rest of the progress is never lost.
 */
export function encodeState(state: ResumeState, layout: StateLayout, options: EncodeOptions = {}): string {
  let text = writeState(state, layout);
  const limit = options.limit;
  if (limit === undefined || text.length <= limit) return text;
  const s: ResumeState = { ...state, reflections: { ...state.reflections }, quizzes: { ...state.quizzes } };
  while (text.length > limit) {
    const longest = Object.entries(s.reflections).sort((a, b) => b[1].length - a[1].length)[0];
    if (longest && longest[1].length > 0) s.reflections[longest[0]] = clip(longest[1], Math.max(0, longest[1].length - (text.length - limit)));
    else {
      const quiz = Object.keys(s.quizzes).find((id) => s.quizzes[id]!.current);
      if (!quiz) {
        // Cannot happen for a unit the build accepted: keep where the learner is, what they saw and earned.
        const minimal = writeState({ ...emptyResumeState(s.page), visited: s.visited, badges: s.badges, language: s.language }, layout);
        return minimal.length <= limit ? minimal : "";
      }
      s.quizzes[quiz] = { ...s.quizzes[quiz]!, current: undefined };
    }
    text = writeState(s, layout);
  }
  return text;
}

export type DecodeResult = { ok: true; state: ResumeState } | { ok: false; reason: string };

/** Reads a saved state back; a text from another version or another shape of the unit is refused, never misread. */
export function decodeState(text: string, layout: StateLayout): DecodeResult {
  if (!text) return { ok: false, reason: "there is no saved state" };
  if (text[0] !== STATE_VERSION) return { ok: false, reason: `the saved state has format ${JSON.stringify(text[0])}, not ${STATE_VERSION}` };
  if (text.slice(1, 5) !== layoutFingerprint(layout)) return { ok: false, reason: "the saved state belongs to another version of this unit" };
  try {
    return { ok: true, state: readState(text, layout) };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}
