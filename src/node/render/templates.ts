import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import Handlebars from "handlebars";
import { packageRoot } from "../package-root.js";

export type HandlebarsInstance = typeof Handlebars;

/** Block kinds and question types whose partial file has another name. */
const BLOCK_PARTIALS: Record<string, string> = { video: "media", audio: "media", selfAssessment: "self-assessment", selfAssessmentRetake: "self-assessment-retake" };
const QUESTION_PARTIALS: Record<string, string> = { singleChoice: "choice", multipleResponse: "choice", trueFalse: "true-false", fillIn: "fill-in" };

export const blockPartialName = (kind: string) => `block-${BLOCK_PARTIALS[kind] ?? kind}`;
export const questionPartialName = (type: string) => `question-${QUESTION_PARTIALS[type] ?? type}`;

/** The compiled templates of the player page; compiled once per build, rendered once per language. */
export interface PlayerTemplates {
  handlebars: HandlebarsInstance;
  page: Handlebars.TemplateDelegate;
}

async function readPartials(dir: string, prefix: string): Promise<[string, string][]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".hbs")).sort();
  return Promise.all(files.map(async (f) => [`${prefix}${basename(f, ".hbs")}`, await readFile(join(dir, f), "utf8")] as [string, string]));
}

/**
 * An isolated Handlebars instance (helpers and partials never leak between builds) with escaping on:
 * every {{value}} from a unit is HTML-escaped; only the Markdown and JSON helpers emit markup, and
 * they make it safe themselves. Unit text is data, never compiled as a template.
 */
export async function loadPlayerTemplates(): Promise<PlayerTemplates> {
  const root = join(packageRoot(), "templates", "player");
  const handlebars = Handlebars.create();
  const partials = [
    ...(await readPartials(join(root, "blocks"), "block-")),
    ...(await readPartials(join(root, "questions"), "question-")),
  ];
  for (const [name, source] of partials) {
    handlebars.registerPartial(name, handlebars.compile(source, { strict: false, preventIndent: true }));
  }
  handlebars.registerPartial("verdict-feedback", handlebars.partials["question-verdict-feedback"] as Handlebars.Template);
  const page = handlebars.compile(await readFile(join(root, "page.hbs"), "utf8"), { strict: false, preventIndent: true });
  return { handlebars, page };
}
