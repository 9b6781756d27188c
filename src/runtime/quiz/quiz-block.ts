import type { BlockRulesOf, QuestionRules } from "../../shared/player-data.js";
import { drawQuestions, SEED_LIMIT } from "../../shared/state/quiz-draw.js";
import type { AnswerRecord, QuizProgress } from "../../shared/tracking-types.js";
import { formatUi } from "../../shared/ui-strings.js";
import type { BlockContext } from "../blocks/block-context.js";
import { $, button, focusQuietly, formatNumber, make } from "../player/dom.js";
import { attemptsLeft } from "../player/unit-result.js";
import { createQuestionView, type QuestionView } from "./question-view.js";
import { isAnswered, isPass, scoreAttempt } from "./scoring.js";

type Rules = BlockRulesOf<"quiz">;

/** What the tracker is told about one answer: ids and the question's shape, never texts or positions. */
export function answerRecord(q: QuestionRules, answer: string[], correct: boolean, attempt: number, latencyMs: number): AnswerRecord {
  const base = { questionId: q.id, attempt, response: answer, result: correct ? "correct" : "wrong", latencyMs, weighting: q.points } as const;
  switch (q.type) {
    case "singleChoice":
    case "multipleResponse":
      return { ...base, type: "choice", options: q.options, correctResponse: q.correct };
    case "trueFalse":
      return { ...base, type: "true-false", correctResponse: [String(q.answer)] };
    case "matching":
      return { ...base, type: "matching", options: q.pairs, correctResponse: q.pairs };
    case "sequencing":
      return { ...base, type: "sequencing", options: q.order, correctResponse: q.order };
    case "fillIn":
      return { ...base, type: "fill-in", correctResponse: q.accept.slice(0, 1) };
    case "numeric":
      return { ...base, type: "numeric", correctResponse: [String(q.answer)] };
  }
}

const newSeed = () => Math.floor(Math.random() * SEED_LIMIT);

/**
 * A knowledge quiz: each attempt draws its questions from the bank and shuffles them (by a seed kept in the
 * state); answers are kept as they are given; on submit every question shows whether it was right and why,
 * the results show the score, and a retry is offered while attempts remain and the quiz is not passed.
 */
export function mountQuiz(el: HTMLElement, rules: Rules, ctx: BlockContext): void {
  const doc = el.ownerDocument;
  const list = $(el, ".sp-questions")!;
  const submit = $<HTMLButtonElement>(el, '[data-action="submit"]')!;
  const result = $(el, ".sp-result")!;
  const answeredAt = new Map<string, number>();
  let shownAt = Date.now();
  let pendingSeed: number | undefined;
  let confirmUnanswered = false;

  const progress = (): QuizProgress => ctx.session.state.quizzes[rules.id] ?? { attempts: 0, bestPoints: 0 };
  const seed = () => progress().current?.seed ?? (pendingSeed ??= newSeed());
  const drawn = () => drawQuestions({ questionCount: rules.questions.length, draw: rules.draw, shuffle: rules.shuffle }, seed()).map((i) => rules.questions[i]!);

  const changed = (view: QuestionView, timing: "now" | "soon") => {
    if (progress().current?.submitted) return;
    confirmUnanswered = false;
    answeredAt.set(view.rules.id, Date.now());
    const attemptSeed = seed();
    ctx.session.change((s) => {
      const p = s.quizzes[rules.id] ?? { attempts: 0, bestPoints: 0 };
      const current = p.current ?? { seed: attemptSeed, answers: {}, submitted: false };
      const answer = view.read();
      if (answer) current.answers[view.rules.id] = answer;
      else delete current.answers[view.rules.id];
      s.quizzes[rules.id] = { ...p, current };
    }, timing);
    pendingSeed = undefined;
  };
  // The platform may judge by its own pass mark (cmi5 masteryScore, SCORM mastery_score): say that one.
  const rulesText = $(el, ".sp-quiz-rules");
  if (rulesText && Number(rulesText.dataset.passMark) !== rules.passMark) {
    const values = { count: rules.draw, passMark: formatNumber(rules.passMark, ctx.language), attempts: rules.attempts };
    rulesText.textContent = formatUi(rules.attempts > 0 ? ctx.ui.quizRulesAttempts : ctx.ui.quizRules, values);
  }
  const views = new Map(
    rules.questions.map((q) => [q.id, createQuestionView($(el, `[data-question="${CSS.escape(q.id)}"]`)!, q, ctx.ui, { changed, announce: ctx.announce })]),
  );

  const showResults = (focus: boolean) => {
    const p = progress();
    const score = scoreAttempt(drawn(), p.current?.answers ?? {});
    const passed = p.bestScore !== undefined && isPass(p.bestScore, rules.passMark);
    const left = attemptsLeft(p.attempts, rules.attempts);
    result.textContent = "";
    const heading = make(doc, "h4", { class: "sp-result-title" }, ctx.ui.quizResults);
    const scoreEl = make(doc, "p", { class: "sp-score", "data-score": String(score.score) }, formatUi(ctx.ui.yourScore, { score: formatNumber(score.score, ctx.language) }));
    result.append(heading, scoreEl, make(doc, "p", { class: passed ? "sp-passed" : "sp-not-passed" }, passed ? ctx.ui.quizPassed : formatUi(ctx.ui.quizNotPassed, { passMark: formatNumber(rules.passMark, ctx.language) })));
    if (p.attempts > 1 && p.bestScore !== undefined)
      result.append(make(doc, "p", { class: "sp-best", "data-best": String(p.bestScore) }, formatUi(ctx.ui.bestScore, { score: formatNumber(p.bestScore, ctx.language) })));
    if (!passed) {
      if (left === 0) result.append(make(doc, "p", {}, ctx.ui.noAttemptsLeft));
      else {
        if (Number.isFinite(left)) result.append(make(doc, "p", {}, formatUi(ctx.ui.attemptsLeft, { attempts: left })));
        result.append(button(doc, ctx.ui.tryAgain, "sp-button sp-button-primary", retry));
      }
    }
    if (focus) focusQuietly(heading);
  };

  const render = (focus: "results" | "first" | "none") => {
    const attempt = progress().current;
    const questions = drawn();
    for (const view of views.values()) view.el.hidden = true;
    questions.forEach((q, position) => {
      const view = views.get(q.id)!;
      view.el.hidden = false;
      list.append(view.el);
      view.arrange(seed(), position, rules.shuffle);
      view.write(attempt?.answers[q.id]);
      view.clearFeedback();
      view.lock(!!attempt?.submitted);
      if (attempt?.submitted) view.showFeedback(scoreAttempt([q], attempt.answers).correct[q.id]!, attempt.answers[q.id]);
    });
    submit.hidden = !!attempt?.submitted;
    if (attempt?.submitted) showResults(focus === "results");
    else result.textContent = "";
    if (focus === "first") focusQuietly($(views.get(questions[0]!.id)!.el, ".sp-prompt"));
  };

  function retry() {
    const p = progress();
    ctx.session.change((s) => {
      s.quizzes[rules.id] = { ...p, current: { seed: newSeed(), answers: {}, submitted: false } };
    });
    answeredAt.clear();
    shownAt = Date.now();
    confirmUnanswered = false;
    render("first");
  }

  submit.addEventListener("click", () => {
    const questions = drawn();
    // The screen is the truth at submit: a sequence left in its first order is an answer too.
    const answers: Record<string, string[]> = {};
    for (const q of questions) {
      const answer = views.get(q.id)!.read();
      if (answer && isAnswered(q, answer)) answers[q.id] = answer;
    }
    const unanswered = questions.filter((q) => !answers[q.id]).length;
    if (unanswered && !confirmUnanswered) {
      confirmUnanswered = true;
      result.textContent = formatUi(ctx.ui.quizUnanswered, { count: unanswered });
      ctx.announce(result.textContent);
      return;
    }
    const score = scoreAttempt(questions, answers);
    const p = progress();
    const attempt = p.attempts + 1;
    const records = questions
      .filter((q) => answers[q.id])
      .map((q) => answerRecord(q, answers[q.id]!, score.correct[q.id]!, attempt, Math.max(0, (answeredAt.get(q.id) ?? Date.now()) - shownAt)));
    const better = p.bestScore === undefined || score.score > p.bestScore;
    const attemptSeed = seed();
    ctx.session.record(records, (s) => {
      s.quizzes[rules.id] = {
        attempts: attempt,
        bestScore: better ? score.score : p.bestScore,
        bestPoints: Math.max(p.bestPoints, score.earned),
        current: { seed: attemptSeed, answers, submitted: true },
      };
    });
    pendingSeed = undefined;
    render("results");
  });
  render("none");
}
