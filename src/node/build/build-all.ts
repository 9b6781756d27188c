import { resolve } from "node:path";
import { loadUnit } from "../load/load-unit.js";
import type { FormatId } from "../package/package-format.js";
import { hasErrors, type Diagnostic } from "../../shared/diagnostic.js";
import { createBuildContext } from "./build-context.js";
import { packageCheckedUnit, writePackages, type BuiltPackage } from "./build-unit.js";
import { checkUnit, type CheckedUnit } from "./check-unit.js";
import { findUnits } from "./find-units.js";

export interface BuildAllOptions {
  /** Unit folders or unit.json files; default: every unit under ./units. */
  paths?: readonly string[];
  formats?: readonly FormatId[];
  /** Build only these languages of each unit (each unit must list them); default: all the unit lists. */
  languages?: readonly string[];
  outDir?: string;
  write?: boolean;
  cwd?: string;
}

export interface BuildAllResult {
  units: number;
  packages: BuiltPackage[];
  diagnostics: Diagnostic[];
}

/**
 * Builds many units with one shared context (schema compiled once, templates compiled once). All units are
 * checked first; if any has an error, nothing is written at all.
 */
export async function buildAll(options: BuildAllOptions = {}): Promise<BuildAllResult> {
  const context = createBuildContext({ cwd: options.cwd ?? process.cwd() });
  const folders = await findUnits(options.paths ?? [], context.cwd);
  const diagnostics: Diagnostic[] = [];
  const checkedUnits: CheckedUnit[] = [];
  for (const folder of folders) {
    const loaded = await loadUnit(folder, { cwd: context.cwd });
    diagnostics.push(...loaded.diagnostics);
    if (!loaded.unit || hasErrors(loaded.diagnostics)) continue;
    const checked = await checkUnit(loaded.unit, context);
    diagnostics.push(...checked.diagnostics);
    if (checked.checked) checkedUnits.push(checked.checked);
  }
  if (hasErrors(diagnostics)) return { units: folders.length, packages: [], diagnostics };
  const packages: BuiltPackage[] = [];
  for (const checked of checkedUnits) {
    const languages = options.languages ? checked.unit.languages.filter((l) => options.languages!.includes(l)) : checked.unit.languages;
    for (const format of options.formats ?? ["scorm12"]) packages.push(...(await packageCheckedUnit(checked, { format, languages, context })));
  }
  if (options.write !== false) await writePackages(packages, resolve(context.cwd, options.outDir ?? "dist/packages"));
  return { units: folders.length, packages, diagnostics };
}
