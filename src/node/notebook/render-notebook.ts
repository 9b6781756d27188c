import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import Handlebars from "handlebars";
import { packageRoot } from "../package-root.js";
import type { Markdown } from "../render/markdown.js";
import { stableShuffle } from "../render/render-page.js";
import { blockPartialName } from "../render/templates.js";
import { assetUses, type ResolvedAsset } from "../resolve/resolve-assets.js";
import { formatUi } from "../../shared/ui-strings.js";
import type { Unit } from "../../shared/unit-types.js";
import { notebookLabels } from "./notebook-labels.js";

const MIME: Record<string, string> = { svg: "image/svg+xml", png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif", webp: "image/webp" };

/** The notebook's templates, compiled once per build. */
export interface NotebookTemplates {
  page: HandlebarsTemplateDelegate;
  partials: Record<string, HandlebarsTemplateDelegate>;
}

export async function loadNotebookTemplates(): Promise<NotebookTemplates> {
  const root = join(packageRoot(), "templates", "notebook");
  const files = (await readdir(join(root, "blocks"))).filter((f) => f.endsWith(".hbs")).sort();
  const partials: Record<string, HandlebarsTemplateDelegate> = {};
  for (const file of files) partials[`block-${basename(file, ".hbs")}`] = Handlebars.compile(await readFile(join(root, "blocks", file), "utf8"), { preventIndent: true });
  return { page: Handlebars.compile(await readFile(join(root, "notebook.hbs"), "utf8"), { preventIndent: true }), partials };
}

/**
 * A printable handout of a unit in one language: the learning material, the reflection prompts with room
 * to write, self-assessment and sorting tables to tick. One self-contained HTML file: pictures inline,
 * no script, print CSS for A4.
 */
export async function renderNotebook(unit: Unit, assets: readonly ResolvedAsset[], templates: NotebookTemplates, md: Markdown, generatorVersion: string): Promise<string> {
  const labels = notebookLabels(unit.language);
  // Only this language's pictures: the others' copies are in `assets` too.
  const used = new Set(assetUses(unit).map((use) => use.path));
  const images = new Map(
    await Promise.all(
      assets.filter((a) => MIME[a.extension] && used.has(a.path)).map(async (a) => [a.path, `data:${MIME[a.extension]};base64,${(await readFile(a.absolute)).toString("base64")}`] as const),
    ),
  );
  const selfAssessments = new Map(unit.sections.flatMap((s) => s.blocks).filter((b) => b.kind === "selfAssessment").map((b) => [b.id, b]));
  // Helpers hold this unit's pictures and words: an instance of its own, never shared between renders.
  const local = Handlebars.create();
  for (const [name, partial] of Object.entries(templates.partials)) local.registerPartial(name, partial);
  local.registerHelper("md", (text: string) => new local.SafeString(md.render(text)));
  local.registerHelper("dataUri", (path: string) => images.get(path) ?? "");
  local.registerHelper("printPartial", (kind: string) => blockPartialName(kind));
  local.registerHelper("minutesLabel", (minutes: number) => formatUi(labels.minutes, { minutes }));
  // About one ruled line (9 mm) per 60 characters the learner may write, at least two.
  local.registerHelper("linesHeight", (maxLength: number | undefined) => Math.max(2, Math.ceil((maxLength ?? 150) / 60)) * 9);
  local.registerHelper("pairedShuffle", (pairs: { id: string; left: string; right: string }[], seed: string) => {
    const rights = stableShuffle(pairs, seed);
    return pairs.map((p, i) => ({ left: p.left, right: rights[i]!.right }));
  });
  local.registerHelper("selfAssessmentById", (id: string) => selfAssessments.get(id));
  const data = { unit, language: unit.language, labels: { ...labels, hours: formatUi(labels.hours, { hours: unit.hours }) }, generatorVersion };
  return templates.page(data, { helpers: local.helpers, partials: local.partials });
}
