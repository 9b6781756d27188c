import { describe, expect, it } from "vitest";
import { collectTexts, mapTexts, TRANSLATABLE_FIELDS } from "../../../src/shared/translatable-text.js";

const unit = {
  id: "u",
  title: "Unit",
  sections: [
    { id: "s1", title: "One", blocks: [{ kind: "image", id: "img", src: "assets/a.svg", alt: "A picture" }] },
    {
      id: "s2",
      title: "Two",
      blocks: [{ kind: "quiz", id: "quiz", title: "Quiz", passMark: 70, questions: [{ type: "singleChoice", id: "q1", prompt: "Pick", options: [{ id: "a", text: "A", correct: true, feedback: "Yes" }] }] }],
    },
  ],
};

describe("translation keys", () => {
  it("are read off the schema: text fields are translatable, ids and paths are not", () => {
    for (const field of ["title", "alt", "prompt", "feedback", "markdown", "text"]) expect(TRANSLATABLE_FIELDS.has(field)).toBe(true);
    for (const field of ["id", "src", "kind", "type", "start", "next", "category"]) expect(TRANSLATABLE_FIELDS.has(field)).toBe(false);
  });

  it("are built from ids, so a block keeps its key when it moves", () => {
    const keys = collectTexts(unit).map((t) => t.key);
    expect(keys).toEqual(["title", "s1.title", "img.alt", "s2.title", "quiz.title", "q1.prompt", "q1.options.a.text", "q1.options.a.feedback"]);
    const moved = { ...unit, sections: [{ ...unit.sections[1]!, blocks: [...unit.sections[1]!.blocks, ...unit.sections[0]!.blocks] }, { ...unit.sections[0]!, blocks: [] }] };
    expect(collectTexts(moved).map((t) => t.key)).toEqual(expect.arrayContaining(["img.alt", "q1.options.a.feedback"]));
  });

  it("point at the source text in unit.json", () => {
    expect(collectTexts(unit).find((t) => t.key === "img.alt")).toEqual({ key: "img.alt", pointer: "/sections/0/blocks/0/alt", text: "A picture" });
  });

  it("replace only text, leaving structure as it was", () => {
    const upper = mapTexts(unit, (e) => e.text.toUpperCase());
    expect(upper.sections[0]!.blocks[0]).toEqual({ kind: "image", id: "img", src: "assets/a.svg", alt: "A PICTURE" });
    expect(unit.sections[0]!.blocks[0]).toMatchObject({ alt: "A picture" });
  });
});
