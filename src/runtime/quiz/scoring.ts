import type { QuestionRules } from "../../shared/player-data.js";

/** Fill-in answers are compared ignoring case, accents' encoding and extra spaces (the schema's promise). */
export const normalizeText = (text: string) => text.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase();

/**
 * A typed answer without its accents: learners on a phone often have no Lithuanian or Polish keyboard,
 * so "sukciavimas" counts for "sukčiavimas". (ł has no combining form, so it is mapped by hand.)
 */
export const withoutAccents = (text: string) => normalizeText(text).normalize("NFD").replace(/\p{M}/gu, "").replace(/ł/g, "l").normalize("NFC");

/** A number as learners type it: "1.5", "1,5", "-3", " 42 ". Undefined when it is not one. */
export function parseLearnerNumber(text: string): number | undefined {
  const t = text.trim().replace(/\s/g, "");
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(t)) return undefined;
  const value = Number(t.replace(",", "."));
  return Number.isFinite(value) ? value : undefined;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Whether an answer (as kept in the state) is right. No answer is never right. */
export function isCorrect(q: QuestionRules, answer: readonly string[] | undefined): boolean {
  if (!answer || answer.length === 0) return false;
  switch (q.type) {
    case "singleChoice":
    case "multipleResponse":
      return sameSet(answer, q.correct);
    case "trueFalse":
      return answer[0] === String(q.answer);
    case "matching":
      // Pair i's left card matched with its own right card.
      return q.pairs.every((id, i) => answer[i] === id);
    case "sequencing":
      return q.order.length === answer.length && q.order.every((id, i) => answer[i] === id);
    case "fillIn":
      return q.accept.some((a) => withoutAccents(a) === withoutAccents(answer[0] ?? ""));
    case "numeric": {
      const value = parseLearnerNumber(answer[0] ?? "");
      // A hair of slack so 0.1 + 0.2 style rounding never fails a right answer.
      return value !== undefined && Math.abs(value - q.answer) <= q.tolerance + 1e-9;
    }
  }
}

/** Whether the learner gave any answer (a sequencing question always has an order, but counts once touched). */
export function isAnswered(q: QuestionRules, answer: readonly string[] | undefined): boolean {
  if (!answer || answer.length === 0) return false;
  if (q.type === "matching") return answer.some(Boolean);
  if (q.type === "fillIn" || q.type === "numeric") return (answer[0] ?? "").trim() !== "";
  return true;
}

export interface AttemptScore {
  earned: number;
  possible: number;
  /** earned / possible × 100, rounded to at most 2 decimals: what the learner sees and the LMS gets. */
  score: number;
  correct: Record<string, boolean>;
}

/** Rounds to hundredths with integer arithmetic, so 2/3 gives 66.67 and never 66.66999. */
export const percent = (earned: number, possible: number) => (possible > 0 ? Math.round((earned * 10000) / possible) / 100 : 0);

export function scoreAttempt(questions: readonly QuestionRules[], answers: Record<string, string[]>): AttemptScore {
  let earned = 0;
  let possible = 0;
  const correct: Record<string, boolean> = {};
  for (const q of questions) {
    possible += q.points;
    correct[q.id] = isCorrect(q, answers[q.id]);
    if (correct[q.id]) earned += q.points;
  }
  return { earned, possible, score: percent(earned, possible), correct };
}

/** Passing uses the same rule as an LMS's mastery score: at or above the mark. */
export const isPass = (score: number, passMark: number) => score >= passMark;
