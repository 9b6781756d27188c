import { describe, expect, it } from "vitest";
import { cmiIdentifier, interactionValues } from "../../../src/runtime/tracking/scorm12-interactions.js";
import { cmiScore } from "../../../src/runtime/tracking/scorm12-tracker.js";
import { cmiTimespan } from "../../../src/runtime/tracking/cmi-timespan.js";
import type { AnswerRecord } from "../../../src/shared/tracking-types.js";

const at = new Date(2024, 0, 1, 9, 5, 7);
const base = { attempt: 1, result: "correct", latencyMs: 12_345, weighting: 2 } as const;
const fields = (a: AnswerRecord) => Object.fromEntries(interactionValues(a, at));

describe("SCORM 1.2 interaction formats", () => {
  it("writes choices as single characters and the id first", () => {
    const values = interactionValues({ ...base, questionId: "q1", type: "choice", response: ["o3", "o1"], correctResponse: ["o1", "o3"], options: ["o1", "o2", "o3"] }, at);
    expect(values[0]).toEqual(["id", "q1"]);
    expect(Object.fromEntries(values)).toMatchObject({
      type: "choice", student_response: "2,0", "correct_responses.0.pattern": "0,2", result: "correct", time: "09:05:07", latency: "0000:00:12.35", weighting: "2",
    });
  });

  it("formats matching, sequencing, true-false and likert", () => {
    expect(fields({ ...base, questionId: "m", type: "matching", response: ["p2", ""], correctResponse: ["p1", "p2"], options: ["p1", "p2"] })).toMatchObject({ student_response: "0.b", "correct_responses.0.pattern": "0.a,1.b" });
    expect(fields({ ...base, questionId: "s", type: "sequencing", response: ["b", "a"], options: ["a", "b"] })).toMatchObject({ student_response: "1,0" });
    expect(fields({ ...base, questionId: "t", type: "true-false", response: ["false"], correctResponse: ["true"] })).toMatchObject({ student_response: "f", "correct_responses.0.pattern": "t" });
    expect(fields({ ...base, questionId: "l.s.before", type: "likert", response: ["4"], result: "neutral" })).toMatchObject({ type: "likert", student_response: "4", result: "neutral" });
  });

  it("says wrong, not incorrect, and adds the attempt to the id after the first", () => {
    expect(fields({ ...base, questionId: "q1", attempt: 2, result: "wrong", type: "true-false", response: ["true"] })).toMatchObject({ id: "q1.2", result: "wrong" });
  });

  it("keeps a number SCORM 1.2 cannot hold as fill-in text, and skips what was not answered", () => {
    expect(fields({ ...base, questionId: "n", type: "numeric", response: ["3,5"], correctResponse: ["4"] })).toMatchObject({ type: "numeric", student_response: "3.5" });
    expect(fields({ ...base, questionId: "n", type: "numeric", response: ["1000"], correctResponse: ["1000"] })).toMatchObject({ type: "fill-in", student_response: "1000" });
    expect(interactionValues({ ...base, questionId: "c", type: "choice", response: [], options: ["a"] }, at)).toEqual([]);
    expect(fields({ ...base, questionId: "f", type: "fill-in", response: ["x".repeat(400)] }).student_response).toHaveLength(255);
  });

  it("makes CMIIdentifiers, CMITimespans and 0–100 scores", () => {
    expect(cmiIdentifier("a b\tž")).toBe("a_b__");
    expect(cmiTimespan(3_600_000 * 12 + 61_230)).toBe("0012:01:01.23");
    expect(cmiScore(0)).toBe("0");
    expect(cmiScore(66.666)).toBe("66.67");
    expect(cmiScore(100)).toBe("100");
  });
});
