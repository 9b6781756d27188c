// The ten units are the product's content: these minimums (issue: the ten units) must hold in every
// language, so a later edit cannot quietly drop a section, a question or a translation.
import { readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildAll, loadUnit, validateUnit } from "../../../src/index.js";
import { unitWorstCase } from "../../../src/node/validate/suspend-budget.js";
import { createBuildContext } from "../../../src/node/build/build-context.js";
import { checkUnit, type CheckedUnit } from "../../../src/node/build/check-unit.js";
import type { Unit } from "../../../src/shared/unit-types.js";

const UNITS = ["emotional-intelligence", "negotiation-entrepreneurship", "communication", "professional-ethics", "career-management", "time-management", "digital-literacy", "critical-thinking", "creative-problem-solving", "cultural-intelligence-teamwork"];
const LANGUAGES = ["en", "lt", "pl"];
const ACADEMIC_HOUR = 45;

/** The words drawn in an SVG: its text lines, title and description. */
const textsOf = (svg: string) => [...svg.matchAll(/<(text|tspan|title|desc)\b[^>]*>([^<]+)</g)].map((m) => m[2]!.trim()).filter((t) => /[A-Za-z]{3}/.test(t));
const blocks = (unit: Unit) => unit.sections.flatMap((s) => s.blocks);
const ofKind = <K extends string>(unit: Unit, kind: K) => blocks(unit).filter((b) => b.kind === kind);

describe("the ten units", () => {
  it("are all there, one folder each, plus the course", () => {
    const folders = readdirSync("units", { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(folders.sort()).toEqual([...UNITS].sort());
  });

  it("build with no error and no warning, as units and as the course, in every format", async () => {
    const result = await buildAll({ formats: ["scorm12", "xapi", "cmi5"], outDir: join(process.env.TMPDIR ?? "/tmp", `skillpack-content-${process.pid}`) });
    expect(result.diagnostics).toEqual([]);
    expect(result.packages).toHaveLength(UNITS.length * LANGUAGES.length * 3 + LANGUAGES.length * 2);
  }, 120_000);

  const checked = new Map<string, CheckedUnit>();
  beforeAll(async () => {
    const context = createBuildContext();
    for (const id of UNITS) {
      const loaded = await loadUnit(join("units", id));
      const result = await checkUnit(loaded.unit!, context);
      checked.set(id, result.checked!);
    }
  });

  describe.each(UNITS)("%s", (id) => {
    it("validates clean", async () => {
      expect(await validateUnit(join("units", id))).toEqual([]);
    });

    it.each(LANGUAGES)("meets the course's minimums in %s", (language) => {
      const unit = checked.get(id)!.localized.get(language)!;
      expect(unit.languages).toEqual(LANGUAGES);
      expect(unit.outcomes.length).toBeGreaterThanOrEqual(4);
      expect(unit.outcomes.length).toBeLessThanOrEqual(6);
      expect(unit.glossary?.length ?? 0).toBeGreaterThanOrEqual(8);
      expect(unit.sections.length).toBeGreaterThanOrEqual(8);
      // 40 academic hours of 45 minutes, offline tasks included, section by section.
      expect(unit.hours).toBe(40);
      expect(unit.sections.reduce((sum, s) => sum + (s.minutes ?? 0), 0)).toBe(40 * ACADEMIC_HOUR);
      expect(ofKind(unit, "reflection").length).toBeGreaterThanOrEqual(6);
      for (const image of ofKind(unit, "image")) expect(image.kind === "image" && image.alt.trim().length).toBeGreaterThan(10);
      expect(ofKind(unit, "image").length).toBeGreaterThanOrEqual(3);
      expect(ofKind(unit, "scenario").length).toBeGreaterThanOrEqual(1);
      expect(ofKind(unit, "scenario").length + ofKind(unit, "sorting").length + ofKind(unit, "matching").length).toBeGreaterThanOrEqual(2);

      const [selfAssessment] = ofKind(unit, "selfAssessment");
      expect(selfAssessment?.kind === "selfAssessment" && selfAssessment.statements.length).toBeGreaterThanOrEqual(10);
      expect(ofKind(unit, "selfAssessmentRetake")).toHaveLength(1);
      if (selfAssessment?.kind === "selfAssessment") {
        // Every possible average score falls in a band, and each band says what to practise.
        const values = selfAssessment.scale.map((s) => s.value);
        for (let avg = Math.min(...values); avg <= Math.max(...values); avg += 0.05)
          expect(selfAssessment.bands.some((b) => avg >= b.min - 1e-9 && avg <= b.max + 1e-9)).toBe(true);
        for (const band of selfAssessment.bands) expect(band.feedback.length).toBeGreaterThan(40);
      }

      const quizzes = ofKind(unit, "quiz");
      expect(quizzes).toHaveLength(1);
      const quiz = quizzes[0]!;
      if (quiz.kind !== "quiz") throw new Error("not a quiz");
      expect(quiz.questions.length).toBeGreaterThanOrEqual(15);
      expect(quiz.draw).toBe(10);
      expect(quiz.passMark).toBe(70);
      expect(new Set(quiz.questions.map((q) => q.type)).size).toBeGreaterThanOrEqual(4);
      for (const q of quiz.questions) {
        if (q.type === "singleChoice") expect(q.options.filter((o) => o.correct)).toHaveLength(1);
        if (q.type === "multipleResponse") expect(q.options.filter((o) => o.correct).length).toBeGreaterThanOrEqual(1);
        if (q.type === "singleChoice" || q.type === "multipleResponse") for (const o of q.options) expect(o.feedback.length).toBeGreaterThan(10);
        else expect(q.feedbackCorrect.length + q.feedbackWrong.length).toBeGreaterThan(20);
      }

      const badges = unit.gamification?.badges ?? [];
      expect(badges.length).toBeGreaterThanOrEqual(1);
      expect(badges.some((b) => b.criterion.type !== "pointsAtLeast")).toBe(true);
    });

    it.each(LANGUAGES.slice(1))("shows its pictures' words in %s: each drawing with text has its translated copy", async (language) => {
      const unit = checked.get(id)!.localized.get(language)!;
      for (const image of ofKind(unit, "image")) {
        if (image.kind !== "image" || !image.src.endsWith(".svg")) continue;
        const source = ofKind(checked.get(id)!.unit, "image").find((b) => b.id === image.id);
        if (source?.kind !== "image") continue;
        const english = textsOf(await readFile(join("units", id, source.src), "utf8"));
        if (!english.length) continue;
        expect(image.src, `${id}/${image.id}`).toMatch(new RegExp(`\\.${language}\\.svg$`));
        // Translated, not copied: most lines differ (numbers and names may stay).
        const own = textsOf(await readFile(join("units", id, image.src), "utf8"));
        expect(own.filter((t) => english.includes(t)).length, `${image.src} still in English`).toBeLessThan(english.length / 3);
      }
    });

    it("fits SCORM 1.2's suspend_data in its worst case, within the 2,000-character target", () => {
      const worst = unitWorstCase(checked.get(id)!.unit);
      expect(worst.length).toBeLessThanOrEqual(2000);
    });
  });
});
