import type { Markdown } from "./markdown.js";
import { DEFAULT_REFLECTION_LENGTH, playerData } from "../../shared/player-data.js";
import { formatUi, type UiStrings } from "../../shared/ui-strings.js";
import type { Quiz, Unit } from "../../shared/unit-types.js";
import { packagePathOf } from "../resolve/resolve-assets.js";
import { languageName } from "../diagnostics/codes.js";
import { blockPartialName, questionPartialName, type PlayerTemplates } from "./templates.js";

export interface PageOptions {
  ui: UiStrings;
  csp: string;
  generatorVersion: string;
}

/** JSON inside <script type="application/json">: "<" and the line separators escaped, so no text can close the tag. */
export const jsonForScript = (value: unknown) =>
  JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");

/** A stable shuffle (same id → same order), so builds stay byte-identical while cards are not in answer order. */
export function stableShuffle<T>(items: readonly T[], seed: string): T[] {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
    const j = h % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  // Never leave a shuffled list in its right order: that would give the answer away.
  if (out.length > 1 && out.every((x, i) => x === items[i])) out.push(out.shift()!);
  return out;
}

function registerHelpers(templates: PlayerTemplates, md: Markdown, ui: UiStrings, unit: Unit) {
  const hb = templates.handlebars;
  const safe = (html: string) => new hb.SafeString(html);
  hb.registerHelper("md", (text: string) => safe(md.render(text)));
  hb.registerHelper("mdInline", (text: string) => safe(md.renderInline(text)));
  hb.registerHelper("asset", (path: string) => packagePathOf(path));
  hb.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  hb.registerHelper("json", (value: unknown) => safe(jsonForScript(value)));
  hb.registerHelper("blockPartial", (kind: string) => blockPartialName(kind));
  hb.registerHelper("questionPartial", (type: string) => questionPartialName(type));
  hb.registerHelper("shuffled", (items: { id: string }[], seed: string) => stableShuffle(items, seed));
  // A selfAssessmentRetake shows the statements of the block it refers to, under its own form names.
  hb.registerHelper("blockById", (id: string) => unit.sections.flatMap((sec) => sec.blocks).find((b) => b.id === id));
  hb.registerHelper("retakeOf", (block: object, id: string) => ({ ...block, id }));
  hb.registerHelper("captionTracks", (captions: Record<string, string> | undefined) =>
    Object.entries(captions ?? {}).map(([language, path], i) => ({ language, src: packagePathOf(path), label: languageName(language), default: i === 0 })),
  );
  hb.registerHelper("quizRules", (quiz: Quiz) => {
    const count = quiz.draw ?? quiz.questions.length;
    const attempts = quiz.attempts ?? 0;
    return formatUi(attempts > 0 ? ui.quizRulesAttempts : ui.quizRules, { count, passMark: quiz.passMark, attempts });
  });
}

/** The player page of a unit in one language: every section rendered, the player's rules alongside. */
export function renderPage(unit: Unit, templates: PlayerTemplates, md: Markdown, options: PageOptions & { packageLanguages?: readonly string[] }): string {
  registerHelpers(templates, md, options.ui, unit);
  const data = playerData(unit, options.ui, (s) => md.render(s), packagePathOf, options.packageLanguages);
  const pages = unit.sections.map((s) => ({
    ...s,
    blocks: s.blocks.map((b) => (b.kind === "reflection" ? { ...b, maxLength: b.maxLength ?? DEFAULT_REFLECTION_LENGTH } : b)),
  }));
  // "My notebook" lists every reflection prompt, with the page it is on.
  const notebook = unit.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === "reflection" ? [{ id: b.id, prompt: b.prompt, page: s.title }] : [])));
  return templates.page({ unit, language: unit.language, ui: options.ui, csp: options.csp, generatorVersion: options.generatorVersion, pages, notebook, data });
}

const APP_START = "<!--sp-app-->";
const APP_END = "<!--/sp-app-->";
const ALTERNATES = "<!--sp-alternates-->";

/**
 * One page that carries several languages: the first language's player in the document, each other
 * language's player in an inert <template> with its rules beside it. The runtime swaps them in place, so
 * switching language never reloads the page (a reload would end the SCORM session) nor loses anything.
 */
export function renderMultilingualPage(units: readonly { unit: Unit; ui: UiStrings }[], templates: PlayerTemplates, md: Markdown, options: Omit<PageOptions, "ui">): string {
  const packageLanguages = units.map((u) => u.unit.language);
  const [first, ...others] = units.map(({ unit, ui }) => ({ unit, ui, html: renderPage(unit, templates, md, { ...options, ui, packageLanguages }) }));
  const alternates = others.map(({ unit, ui, html }) => {
    const app = html.slice(html.indexOf(APP_START) + APP_START.length, html.indexOf(APP_END));
    const data = playerData(unit, ui, (s) => md.render(s), packagePathOf, packageLanguages);
    return `<template id="sp-app-${unit.language}">${app.trim()}</template>\n<script type="application/json" id="sp-data-${unit.language}">${jsonForScript(data)}</script>`;
  });
  return first!.html.replace(ALTERNATES, alternates.join("\n"));
}
