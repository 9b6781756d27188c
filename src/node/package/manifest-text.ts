import type { Unit } from "../../shared/unit-types.js";

/** The pass mark of the unit's final quiz (0–100), or none without a quiz. */
export function passMark(unit: Unit): number | undefined {
  const quizzes = unit.sections.flatMap((s) => s.blocks).filter((b) => b.kind === "quiz");
  const last = quizzes[quizzes.length - 1];
  return last?.kind === "quiz" ? last.passMark : undefined;
}

/** A description for an LMS catalogue: the Markdown source as plain text. */
export function plainText(markdown: string, max = 1000): string {
  const text = markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/[*_`#>]/g, "").replace(/\s+/g, " ").trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2))}…`;
}

/** Activity IRIs: stable across builds and languages, under a base the organisation controls. */
export const DEFAULT_ACTIVITY_BASE = "https://skillpack.dev/xapi/activities/";
export const unitActivityId = (base: string, unit: Unit) => `${base.endsWith("/") ? base : `${base}/`}${unit.id}`;
