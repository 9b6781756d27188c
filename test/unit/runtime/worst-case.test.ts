import { describe, expect, it } from "vitest";
import { encodeState, MAX_SAVED_ATTEMPTS } from "../../../src/shared/state/state-codec.js";
import { SEED_LIMIT } from "../../../src/shared/state/quiz-draw.js";
import { stateLayout, type StateLayout } from "../../../src/shared/state/state-layout.js";
import { worstCaseSuspendData } from "../../../src/shared/state/worst-case.js";
import type { ResumeState } from "../../../src/shared/tracking-types.js";
import { fixtureData } from "./runtime-fixtures.js";

/** The biggest state a layout allows, built by hand, for quizzes that draw every question. */
function biggestState(layout: StateLayout): ResumeState {
  const longest = (n: number) => "ž".repeat(n);
  return {
    page: "_notebook",
    visited: layout.pages,
    language: layout.languages.reduce((a, b) => (b.length > a.length ? b : a)),
    badges: layout.badges,
    reflections: Object.fromEntries(layout.reflections.map((r) => [r.id, longest(r.maxLength)])),
    selfAssessments: Object.fromEntries(layout.selfAssessments.map((s) => [s.id, { before: { values: s.statements.map(() => s.scale.at(-1)!), done: true }, after: { values: s.statements.map(() => s.scale[0]!), done: true } }])),
    scenarios: Object.fromEntries(layout.scenarios.map((s) => {
      // The longest simple path in these fixtures: follow the first choice that goes somewhere new.
      const path: string[] = [];
      const seen = new Set([s.start]);
      let node = s.nodes.find((n) => n.id === s.start);
      while (node) {
        const choice = node.choices.find((c) => !seen.has(c.next));
        if (!choice) break;
        path.push(choice.id);
        seen.add(choice.next);
        node = s.nodes.find((n) => n.id === choice.next);
      }
      const bestPoints = s.nodes.reduce((sum, n) => sum + Math.max(0, ...n.choices.map((c) => c.points)), 0);
      return [s.id, { path, outcomes: ["best", "good", "poor"], bestPoints }];
    })),
    sortings: Object.fromEntries(layout.sortings.map((s) => [s.id, { placed: Object.fromEntries(s.items.map((i) => [i, s.categories.at(-1)!])), bestRight: s.items.length }])),
    matchings: Object.fromEntries(layout.matchings.map((m) => [m.id, { placed: Object.fromEntries(m.pairs.map((p) => [p, m.pairs.at(-1)!])), bestRight: m.pairs.length }])),
    quizzes: Object.fromEntries(layout.quizzes.map((q) => [q.id, {
      attempts: q.attempts || MAX_SAVED_ATTEMPTS,
      bestScore: 100,
      bestPoints: q.maxPoints,
      current: {
        seed: SEED_LIMIT - 1,
        submitted: true,
        answers: Object.fromEntries(q.questions.map((x) => [x.id, x.answer === "text" ? [longest(x.maxLength)] : x.answer === "trueFalse" ? ["true"] : x.answer === "one" ? [x.options.at(-1)!] : x.answer === "order" ? [...x.options].reverse() : x.answer === "pairs" ? x.options.map(() => x.options.at(-1)!) : x.options])),
      },
    }])),
  };
}

describe("the worst-case saved state", () => {
  it("equals the encoder's length for the biggest state, when every question is drawn", () => {
    const layout = stateLayout(fixtureData("player-journey", (u) => {
      for (const s of u.sections) for (const b of s.blocks) if (b.kind === "quiz") b.draw = b.questions.length;
    }));
    const worst = worstCaseSuspendData(layout);
    const actual = encodeState(biggestState(layout), layout).length;
    // The scenario bound counts nodes - 1 steps; this scenario's longest simple path is 2 steps of 4.
    const scenarioSlack = layout.scenarios.reduce((sum, s) => sum + (s.nodes.length - 1) - 2, 0);
    expect(worst.length - scenarioSlack).toBe(actual);
  });

  it("counts every reflection at its maxLength and the widest questions a draw can pick", () => {
    const layout = stateLayout(fixtureData());
    const worst = worstCaseSuspendData(layout);
    const hope = worst.parts.find((p) => p.id === "r-hope")!;
    expect(hope.chars).toBe(280 + "7s".length + 1);
    expect(worst.parts[0]!.chars).toBeGreaterThanOrEqual(worst.parts.at(-1)!.chars);
    expect(worst.length).toBe(worst.parts.reduce((sum, p) => sum + p.chars, 0));
    // The fixture stays well inside the target.
    expect(worst.length).toBeLessThan(2000);
  });

  it("grows past SCORM 1.2's 4096 when reflections are long", () => {
    const layout = stateLayout(fixtureData("player-journey", (u) => {
      for (const s of u.sections) for (const b of s.blocks) if (b.kind === "reflection") b.maxLength = 2000;
    }));
    expect(worstCaseSuspendData(layout).length).toBeGreaterThan(4096);
  });
});
