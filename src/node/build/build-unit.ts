import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { diagnostics as codes } from "../diagnostics/codes.js";
import { loadUnit, type LoadedUnit } from "../load/load-unit.js";
import type { FileMap } from "../package/file-map.js";
import type { FormatId, OutputFormat } from "../package/package-format.js";
import { createZipCompressor, writeFileAtomic, zipFiles, type ZipCompressor } from "../package/zip-writer.js";
import { hasErrors, type Diagnostic } from "../../shared/diagnostic.js";
import { createBuildContext, type BuildContext } from "./build-context.js";
import { checkUnit, type CheckedUnit } from "./check-unit.js";
import { renderLanguage, renderLanguages, type RenderedLanguage } from "./render-unit.js";
import type { Unit } from "../../shared/unit-types.js";
import { assetUses, packagePathOf } from "../resolve/resolve-assets.js";

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
  /** The base IRI of xAPI and cmi5 activity ids. */
  activityBase?: string;
  /**
   * One package holding every language built, with a language switch in the player (default false: a
   * package per language). Named <unit>-<lang>-<lang>…-<format>.zip; it opens in the first language.
   */
  multilingual?: boolean;
  /** Shared across units by buildAll; made afresh when missing. */
  context?: BuildContext;
}

/** One package: a unit in one language for one standard. */
export interface PackageSummary {
  unitId: string;
  language: string;
  format: OutputFormat;
  /** File name, e.g. emotional-intelligence-en-scorm12.zip. */
  name: string;
  /** Where the zip was written and its size in bytes, when written. */
  path?: string;
  size?: number;
}

/** A package with its files in memory. */
export interface BuiltPackage extends PackageSummary {
  format: FormatId;
  files: FileMap;
}

export interface BuildResult {
  packages: BuiltPackage[];
  diagnostics: Diagnostic[];
}

export const renderedKey = (unitId: string, language: string) => `${unitId}\u0000${language}`;

export const packageName = (unitId: string, language: string, format: FormatId) => `${unitId}-${language}-${format}.zip`;



/** Reads a unit's media once: every language and format of the unit shares the same bytes. */
export async function readAssets(checked: CheckedUnit): Promise<FileMap> {
  const files: FileMap = new Map();
  await Promise.all(checked.assets.map(async (asset) => files.set(asset.packagePath, await readFile(asset.absolute))));
  return files;
}

/** The media these units (one language, or each of a multilingual package's) use: another language's pictures stay out. */
export function mediaFor(units: readonly Unit[], media: FileMap): FileMap {
  const used = new Set(units.flatMap((unit) => assetUses(unit).map((use) => packagePathOf(use.path))));
  return new Map([...media].filter(([path]) => used.has(path)));
}

/** Renders and packages a checked unit in each language for each format; no checks here, they all ran in checkUnit. */
export async function packageCheckedUnit(
  checked: CheckedUnit,
  options: { formats: readonly FormatId[]; languages: readonly string[]; context: BuildContext; rendered?: Map<string, RenderedLanguage>; multilingual?: boolean },
): Promise<BuiltPackage[]> {
  const media = await readAssets(checked);
  if (options.multilingual && options.languages.length > 1) {
    const units = options.languages.map((language) => checked.localized.get(language)!);
    const [first] = units as [Unit, ...Unit[]];
    const rendered = await renderLanguages(units, mediaFor(units, media), options.context);
    return Promise.all(
      options.formats.map(async (formatId) => {
        const format = options.context.format(formatId);
        const files = await format.packageFiles({ checked, unit: first, language: first.language, files: rendered.filesFor(format) });
        return { unitId: first.id, language: first.language, format: formatId, name: packageName(first.id, options.languages.join("-"), formatId), files };
      }),
    );
  }
  const perLanguage = await Promise.all(
    options.languages.map(async (language) => {
      const unit = checked.localized.get(language)!;
      const rendered = await renderLanguage(unit, mediaFor([unit], media), options.context);
      // A course package reuses the pages its units were rendered with.
      options.rendered?.set(renderedKey(unit.id, language), rendered);
      return Promise.all(
        options.formats.map(async (formatId) => {
          const format = options.context.format(formatId);
          const files = await format.packageFiles({ checked, unit, language, files: rendered.filesFor(format) });
          return { unitId: unit.id, language, format: formatId, name: packageName(unit.id, language, formatId), files };
        }),
      );
    }),
  );
  return perLanguage.flat();
}

/** Zips and writes one package atomically; returns where and how big. */
export async function writePackage(pkg: BuiltPackage, outDir: string, compressor: ZipCompressor): Promise<PackageSummary> {
  const zip = await zipFiles(pkg.files, compressor);
  const path = join(outDir, pkg.name);
  await writeFileAtomic(path, zip);
  return { unitId: pkg.unitId, language: pkg.language, format: pkg.format, name: pkg.name, path, size: zip.byteLength };
}

/**
 * Builds one unit (a folder, a unit.json, or a unit loaded with loadUnit) into packages. Bad content never
 * throws: it comes back as diagnostics, and then nothing is written.
 */
export async function buildUnit(unit: string | LoadedUnit, options: BuildOptions = {}): Promise<BuildResult> {
  const context = options.context ?? createBuildContext({ cwd: options.cwd ?? process.cwd(), ...(options.activityBase ? { activityBase: options.activityBase } : {}) });
  const loaded = typeof unit === "string" ? await loadUnit(unit, { cwd: context.cwd }) : { unit, diagnostics: [] };
  if (!loaded.unit || hasErrors(loaded.diagnostics)) return { packages: [], diagnostics: loaded.diagnostics };
  const checked = await checkUnit(loaded.unit, context, { formats: [options.format ?? "scorm12"] });
  const diagnostics = [...loaded.diagnostics, ...checked.diagnostics];
  if (!checked.checked) return { packages: [], diagnostics };
  const { unit: valid, loaded: source } = checked.checked;
  const unknown = (options.languages ?? []).filter((l) => !valid.languages.includes(l));
  if (unknown.length) {
    const at = { file: source.source.file, pointer: "/languages", loc: source.source.locate("/languages") };
    return { packages: [], diagnostics: [...diagnostics, codes.languageNotInUnit(at, unknown, valid.languages)] };
  }
  const packages = await packageCheckedUnit(checked.checked, { formats: [options.format ?? "scorm12"], languages: options.languages ?? valid.languages, context, multilingual: options.multilingual ?? false });
  if (options.write !== false) {
    const outDir = resolve(context.cwd, options.outDir ?? "dist/packages");
    const compressor = createZipCompressor();
    for (const pkg of packages) Object.assign(pkg, await writePackage(pkg, outDir, compressor));
  }
  return { packages, diagnostics };
}
