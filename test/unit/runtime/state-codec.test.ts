import { describe, expect, it } from "vitest";
import { decodeState, encodeState, NOTEBOOK_PAGE } from "../../../src/shared/state/state-codec.js";
import { drawQuestions } from "../../../src/shared/state/quiz-draw.js";
import { stateLayout } from "../../../src/shared/state/state-layout.js";
import { emptyResumeState, type ResumeState } from "../../../src/shared/tracking-types.js";
import { fixtureData } from "./runtime-fixtures.js";

const data = fixtureData();
const layout = stateLayout(data);
const quiz = data.blocks.find((b) => b.kind === "quiz")!;

function fullState(): ResumeState {
  const seed = 1234;
  const drawn = drawQuestions({ questionCount: 7, draw: 6, shuffle: true }, seed);
  const ids = layout.quizzes[0]!.questions.map((q) => q.id);
  const answers: Record<string, string[]> = {
    "q-first": ["o-shout"],
    "q-signs": ["o-fast", "o-yawn"],
    "q-tf": ["false"],
    "q-match": ["m-ask", ""],
    "q-order": ["x-choose", "x-pause", "x-name"],
    "q-word": ["a breath, | with : marks."],
    "q-count": ["3,5"],
  };
  return {
    page: "s-practise",
    visited: ["s-start", "s-talk", "s-practise"],
    language: "lt",
    badges: ["bd-best", "bd-twice"],
    reflections: { "r-hope": "Kalbėti ramiau: ž ą ę 🙂\nantra eilutė | : . -", "r-next": "x" },
    selfAssessments: { "sa-calm": { before: { values: [1, 4, 2], done: true }, after: { values: [3, null, null], done: false } } },
    scenarios: { "sc-shift": { path: ["c-ask", "c-later"], outcomes: ["good", "poor"], bestPoints: 7 } },
    sortings: { "so-tasks": { placed: { "i-fire": "cat-now", "i-spill": "cat-later" }, bestRight: 2 } },
    matchings: { "ma-feel": { placed: { "p-sad": "p-happy" } } },
    quizzes: {
      [quiz.id]: {
        attempts: 1,
        bestScore: 66.67,
        bestPoints: 5,
        current: { seed, answers: Object.fromEntries(drawn.map((i) => ids[i]!).filter((id) => answers[id]).map((id) => [id, answers[id]!])), submitted: false },
      },
    },
  };
}

describe("the saved-state codec", () => {
  it("round-trips every part of the state, by ids", () => {
    const state = fullState();
    const text = encodeState(state, layout);
    const back = decodeState(text, layout);
    expect(back).toEqual({ ok: true, state });
  });

  it("is compact: a busy learner's state takes a few hundred characters", () => {
    expect(encodeState(fullState(), layout).length).toBeLessThan(200);
    expect(encodeState(emptyResumeState("s-start"), layout).length).toBeLessThan(60);
  });

  it("keeps the notebook page and an empty state", () => {
    const empty = { ...emptyResumeState(NOTEBOOK_PAGE) };
    const back = decodeState(encodeState(empty, layout), layout);
    expect(back.ok && back.state.page).toBe(NOTEBOOK_PAGE);
    expect(back.ok && back.state.quizzes[quiz.id]).toEqual({ attempts: 0, bestPoints: 0 });
  });

  it("is the same in every language: ids only, no text of the unit", () => {
    const lt = stateLayout({ ...data, unit: { ...data.unit, language: "lt" } });
    expect(encodeState(fullState(), lt)).toBe(encodeState(fullState(), layout));
  });

  it("refuses a state from another version of the format or another shape of the unit", () => {
    const text = encodeState(fullState(), layout);
    expect(decodeState(`1|s-start|s-start`, layout).ok).toBe(false);
    const changed = stateLayout(fixtureData("player-journey", (u) => u.sections.reverse()));
    const result = decodeState(text, changed);
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining("another version") });
    expect(decodeState(text.slice(0, 30), layout).ok).toBe(false);
    expect(decodeState("", layout).ok).toBe(false);
  });

  it("never writes over the limit: the longest notebook text is cut first", () => {
    const state = fullState();
    state.reflections["r-hope"] = "ą".repeat(280);
    state.reflections["r-talk"] = "b".repeat(200);
    const whole = encodeState(state, layout);
    const limited = encodeState(state, layout, { limit: whole.length - 100 });
    expect(limited.length).toBeLessThanOrEqual(whole.length - 100);
    const back = decodeState(limited, layout);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.state.reflections["r-hope"]!.length).toBe(180);
    expect(back.state.reflections["r-talk"]).toBe("b".repeat(200));
    expect(back.state.quizzes).toEqual(state.quizzes);
    // Even an absurd limit gives decodable text with the learner's place kept.
    const tiny = encodeState(state, layout, { limit: 60 });
    expect(tiny.length).toBeLessThanOrEqual(60);
    const small = decodeState(tiny, layout);
    expect(small.ok && small.state.page).toBe("s-practise");
  });

  it("does not split an emoji when it cuts", () => {
    const state = { ...emptyResumeState("s-start"), reflections: { "r-hope": "🙂".repeat(100) } };
    const whole = encodeState(state, layout);
    const limited = encodeState(state, layout, { limit: whole.length - 3 });
    const back = decodeState(limited, layout);
    expect(back.ok && back.state.reflections["r-hope"]).toBe("🙂".repeat(98));
  });
});
