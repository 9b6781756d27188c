import { finalQuiz, type PlayerData } from "../../shared/player-data.js";
import type { ResumeState, UnitResult } from "../../shared/tracking-types.js";
import { isPass } from "../quiz/scoring.js";

/**
 * The unit's result once it is final, else undefined (the learner is still on the way). With a quiz, the
 * final quiz decides: passed as soon as a best score reaches the pass mark; failed only when no attempt
 * is left; with unlimited attempts, never failed. Without a quiz: completed once every page was seen.
 */
export function finalResult(state: ResumeState, data: Pick<PlayerData, "pages" | "blocks">): UnitResult | undefined {
  const quiz = finalQuiz(data);
  if (quiz) {
    const progress = state.quizzes[quiz.id];
    if (!progress || progress.bestScore === undefined) return undefined;
    if (isPass(progress.bestScore, quiz.passMark)) return { completed: true, passed: true, score: progress.bestScore };
    if (quiz.attempts > 0 && progress.attempts >= quiz.attempts) return { completed: true, passed: false, score: progress.bestScore };
    return undefined;
  }
  return data.pages.every((p) => state.visited.includes(p.id)) ? { completed: true } : undefined;
}

/** Attempts the learner still has on a quiz; Infinity when unlimited. */
export function attemptsLeft(attemptsUsed: number, limit: number): number {
  return limit > 0 ? Math.max(0, limit - attemptsUsed) : Infinity;
}
