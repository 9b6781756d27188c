import { join, resolve } from "node:path";
import { loadUnit, type LoadedUnit } from "../load/load-unit.js";
import type { FileMap } from "../package/file-map.js";
import type { FormatId } from "../package/package-format.js";
import { writeFileAtomic, zipFiles } from "../package/zip-writer.js";
import { hasErrors, type Diagnostic } from "../../shared/diagnostic.js";
import { diagnostics as diagnostics_ } from "../diagnostics/codes.js";
import { createBuildContext, type BuildContext } from "./build-context.js";
import { checkUnit, type CheckedUnit } from "./check-unit.js";
import { renderUnitFiles } from "./render-unit.js";

export interface BuildOptions {
  /** The tracking standard (default "scorm12"). */
  format?: FormatId;
  /** The languages to build (default: every language the unit lists). */
  languages?: readonly string[];
  /** Write zips to `outDir` (default true); with false, return the file maps only. */
  write?: boolean;
  /** Where zips go (default "dist/packages", relative to cwd). */
  outDir?: string;
  cwd?: string;
  /** Shared across units by buildAll; made afresh when missing. */
  context?: BuildContext;
}

/** One package: a unit in one language for one standard. */
export interface BuiltPackage {
  unitId: string;
  language: string;
  format: FormatId;
  /** File name, e.g. emotional-intelligence-en-scorm12.zip. */
  name: string;
  files: FileMap;
  /** The zip's size in bytes and where it was written (when written). */
  size?: number;
  path?: string;
}

export interface BuildResult {
  packages: BuiltPackage[];
  diagnostics: Diagnostic[];
}

export const packageName = (unitId: string, language: string, format: FormatId) => `${unitId}-${language}-${format}.zip`;

/** Renders and packages a checked unit; no checks here, they all ran in checkUnit. */
export async function packageCheckedUnit(checked: CheckedUnit, options: BuildOptions & { context: BuildContext }): Promise<BuiltPackage[]> {
  const formatId = options.format ?? "scorm12";
  const format = options.context.format(formatId);
  const languages = options.languages ?? checked.unit.languages;
  return Promise.all(
    languages.map(async (language) => {
      const unit = checked.localized.get(language)!;
      const common = await renderUnitFiles(checked, unit, format, options.context);
      const files = await format.packageFiles({ checked, unit, language, files: common });
      return { unitId: unit.id, language, format: formatId, name: packageName(unit.id, language, formatId), files };
    }),
  );
}

/** Zips and writes packages, each atomically. */
export async function writePackages(packages: BuiltPackage[], outDir: string): Promise<void> {
  for (const pkg of packages) {
    const zip = await zipFiles(pkg.files);
    pkg.path = join(outDir, pkg.name);
    pkg.size = zip.byteLength;
    await writeFileAtomic(pkg.path, zip);
  }
}

/**
 * Builds one unit (a folder, a unit.json, or a unit loaded with loadUnit) into packages. Bad content never
 * throws: it comes back as diagnostics, and then nothing is written.
 */
export async function buildUnit(unit: string | LoadedUnit, options: BuildOptions = {}): Promise<BuildResult> {
  const context = options.context ?? createBuildContext({ cwd: options.cwd ?? process.cwd() });
  const loaded = typeof unit === "string" ? await loadUnit(unit, { cwd: context.cwd }) : { unit, diagnostics: [] };
  if (!loaded.unit || hasErrors(loaded.diagnostics)) return { packages: [], diagnostics: loaded.diagnostics };
  const checked = await checkUnit(loaded.unit, context);
  const diagnostics = [...loaded.diagnostics, ...checked.diagnostics];
  if (!checked.checked) return { packages: [], diagnostics };
  const unknown = (options.languages ?? []).filter((l) => !checked.checked!.unit.languages.includes(l));
  if (unknown.length) {
    const source = checked.checked.loaded.source;
    const at = { file: source.file, pointer: "/languages", loc: source.locate("/languages") };
    return { packages: [], diagnostics: [...diagnostics, diagnostics_.languageNotInUnit(at, unknown, checked.checked.unit.languages)] };
  }
  const packages = await packageCheckedUnit(checked.checked, { ...options, context });
  if (options.write !== false) await writePackages(packages, resolve(context.cwd, options.outDir ?? "dist/packages"));
  return { packages, diagnostics };
}
