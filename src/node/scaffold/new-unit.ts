import { mkdir, stat, writeFile } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import { packageRoot } from "../package-root.js";
import { collectTexts } from "../../shared/translatable-text.js";
import { translationFile } from "../load/load-unit.js";
import { STARTER_SVG, starterUnit } from "./starter-unit.js";

export class ScaffoldError extends Error {}

/**
 * Writes a new unit folder: unit.json with one of every block kind, an example picture, and a
 * translation file per extra language whose texts are marked for translation. Valid as it stands,
 * with "$schema" set so the designer's editor validates and autocompletes.
 */
export async function newUnit(id: string, options: { languages: string[]; cwd: string; dir?: string }): Promise<string> {
  if (!/^[a-z0-9][a-z0-9-]{0,47}$/.test(id)) throw new ScaffoldError(`"${id}" is not a valid unit id: use lowercase letters, digits and hyphens, e.g. "time-management".`);
  const dir = resolve(options.cwd, options.dir ?? join("units", id));
  if (await stat(dir).catch(() => undefined)) throw new ScaffoldError(`${relative(options.cwd, dir)} already exists; choose another id or remove it.`);
  const schema = relative(dir, join(packageRoot(), "dist", "schema", "unit.schema.json")).split(sep).join("/");
  const unit = starterUnit(id, options.languages, schema);
  await mkdir(join(dir, "assets"), { recursive: true });
  await writeFile(join(dir, "unit.json"), `${JSON.stringify(unit, null, 2)}\n`);
  await writeFile(join(dir, "assets", "example.svg"), STARTER_SVG);
  for (const language of options.languages.slice(1)) {
    await mkdir(join(dir, "i18n"), { recursive: true });
    const table = Object.fromEntries(collectTexts(unit).map((t) => [t.key, `[${language}] ${t.text}`]));
    await writeFile(join(dir, translationFile(language)), `${JSON.stringify(table, null, 2)}\n`);
  }
  return dir;
}
