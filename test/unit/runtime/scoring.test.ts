import { describe, expect, it } from "vitest";
import type { QuestionRules } from "../../../src/shared/player-data.js";
import { isCorrect, parseLearnerNumber, percent, scoreAttempt } from "../../../src/runtime/quiz/scoring.js";
import { finalResult } from "../../../src/runtime/player/unit-result.js";
import { emptyResumeState } from "../../../src/shared/tracking-types.js";
import { fixtureData } from "./runtime-fixtures.js";

const q = {
  one: { id: "a", type: "singleChoice", points: 1, options: ["x", "y"], correct: ["y"] },
  many: { id: "b", type: "multipleResponse", points: 2, options: ["x", "y", "z"], correct: ["x", "z"] },
  tf: { id: "c", type: "trueFalse", points: 1, answer: false },
  match: { id: "d", type: "matching", points: 1, pairs: ["p", "q"] },
  order: { id: "e", type: "sequencing", points: 1, order: ["1", "2", "3"] },
  fill: { id: "f", type: "fillIn", points: 1, accept: ["Deep  Breath"] },
  num: { id: "g", type: "numeric", points: 1, answer: 4, tolerance: 0.5 },
} satisfies Record<string, QuestionRules>;

describe("quiz scoring", () => {
  it("judges each question type", () => {
    expect(isCorrect(q.one, ["y"])).toBe(true);
    expect(isCorrect(q.one, ["x"])).toBe(false);
    expect(isCorrect(q.many, ["z", "x"])).toBe(true);
    expect(isCorrect(q.many, ["x"])).toBe(false);
    expect(isCorrect(q.many, ["x", "y", "z"])).toBe(false);
    expect(isCorrect(q.tf, ["false"])).toBe(true);
    expect(isCorrect(q.match, ["p", "q"])).toBe(true);
    expect(isCorrect(q.match, ["q", "p"])).toBe(false);
    expect(isCorrect(q.order, ["1", "2", "3"])).toBe(true);
    expect(isCorrect(q.order, ["2", "1", "3"])).toBe(false);
    expect(isCorrect(q.fill, ["  deep breath "])).toBe(true);
    expect(isCorrect(q.num, ["4,5"])).toBe(true);
    expect(isCorrect(q.num, ["4.6"])).toBe(false);
    expect(isCorrect(q.num, ["four"])).toBe(false);
    expect(isCorrect(q.one, undefined)).toBe(false);
  });

  it("accepts a typed answer without Lithuanian or Polish accents, but not another word", () => {
    const lt = { id: "h", type: "fillIn", points: 1, accept: ["sukčiavimas"] } satisfies QuestionRules;
    const pl = { id: "i", type: "fillIn", points: 1, accept: ["Jak możemy", "umowę"] } satisfies QuestionRules;
    expect(isCorrect(lt, ["Sukciavimas"])).toBe(true);
    expect(isCorrect(lt, ["sukčiavimas"])).toBe(true);
    expect(isCorrect(pl, ["jak mozemy"])).toBe(true);
    expect(isCorrect(pl, ["umowe"])).toBe(true);
    expect(isCorrect({ ...pl, accept: ["łatwo"] }, ["latwo"])).toBe(true);
    expect(isCorrect(lt, ["sukciavimo"])).toBe(false);
  });

  it("reads numbers the way learners type them", () => {
    expect(parseLearnerNumber(" 1,5 ")).toBe(1.5);
    expect(parseLearnerNumber("-3")).toBe(-3);
    expect(parseLearnerNumber(".5")).toBe(0.5);
    expect(parseLearnerNumber("1e3")).toBeUndefined();
    expect(parseLearnerNumber("")).toBeUndefined();
  });

  it("scores points earned over points possible, rounded to 2 decimals", () => {
    expect(percent(2, 3)).toBe(66.67);
    expect(percent(1, 3)).toBe(33.33);
    expect(percent(0, 5)).toBe(0);
    expect(percent(5, 5)).toBe(100);
    const s = scoreAttempt([q.one, q.many, q.tf], { a: ["y"], b: ["x"], c: ["false"] });
    expect(s).toMatchObject({ earned: 2, possible: 4, score: 50, correct: { a: true, b: false, c: true } });
    expect(scoreAttempt([q.one], {}).score).toBe(0);
  });

  it("makes the unit's result final only when passed or out of attempts", () => {
    const data = fixtureData();
    const state = emptyResumeState("s-start");
    expect(finalResult(state, data)).toBeUndefined();
    state.quizzes["qz-final"] = { attempts: 1, bestScore: 0, bestPoints: 0 };
    expect(finalResult(state, data)).toBeUndefined(); // one attempt of two left: never "failed" yet
    state.quizzes["qz-final"] = { attempts: 2, bestScore: 0, bestPoints: 0 };
    expect(finalResult(state, data)).toEqual({ completed: true, passed: false, score: 0 });
    state.quizzes["qz-final"] = { attempts: 2, bestScore: 70, bestPoints: 5 };
    expect(finalResult(state, data)).toEqual({ completed: true, passed: true, score: 70 });
    const noQuiz = { ...data, blocks: data.blocks.filter((b) => b.kind !== "quiz") };
    expect(finalResult({ ...state, visited: data.pages.map((p) => p.id) }, noQuiz)).toEqual({ completed: true });
  });
});
