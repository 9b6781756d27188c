import { relative } from "node:path";
import { newUnit, ScaffoldError } from "../node/scaffold/new-unit.js";
import type { Output } from "./report.js";
import { UsageError } from "./usage-error.js";

/** skillpack new <id>: a starter unit folder, valid from the first second. */
export async function newCommand(paths: string[], options: { cwd: string; languages: string[]; out?: string }, output: Output): Promise<number> {
  const [id, extra] = paths;
  if (!id || extra) throw new UsageError("give one unit id, e.g. skillpack new time-management --lang en,lt,pl");
  try {
    const dir = await newUnit(id, { cwd: options.cwd, languages: options.languages, ...(options.out ? { dir: options.out } : {}) });
    const where = relative(options.cwd, dir);
    output.out(`Created ${where}/ with an example of every block kind.`);
    output.out(`Next: edit ${where}/unit.json, then run skillpack validate ${where}`);
    if (options.languages.length > 1) output.out(`Texts in ${where}/i18n/ are marked [${options.languages.slice(1).join("], [")}] until translated.`);
    return 0;
  } catch (error) {
    if (error instanceof ScaffoldError) throw new UsageError(error.message);
    throw error;
  }
}
