import { resolve } from "node:path";
import { loadCourse, type LoadedCourse } from "../course/load-course.js";
import { loadUnit } from "../load/load-unit.js";
import type { FormatId, OutputFormat } from "../package/package-format.js";
import { writeNotebooks } from "../notebook/write-notebook.js";
import { createZipCompressor } from "../package/zip-writer.js";
import { hasErrors, type Diagnostic } from "../../shared/diagnostic.js";
import { createBuildContext, type BuildContext } from "./build-context.js";
import { buildCourse, checkCourseLanguages } from "./build-course.js";
import { packageCheckedUnit, writePackage, type PackageSummary } from "./build-unit.js";
import { checkUnit, type CheckedUnit } from "./check-unit.js";
import { findUnits } from "./find-units.js";
import { openBuildCache, toolFingerprint, unitFingerprint } from "./build-cache.js";
import { createHash } from "node:crypto";
import type { RenderedLanguage } from "./render-unit.js";

export interface BuildAllOptions {
  /** Unit folders or unit.json files; default: every unit under ./units, and the course in units/course.json. */
  paths?: readonly string[];
  /** Tracking standards and "notebook" (default: scorm12). */
  formats?: readonly OutputFormat[];
  /** With "notebook": also print each notebook to PDF with Chromium. */
  pdf?: boolean;
  /** Build only these languages of each unit (each unit must list them); default: all the unit lists. */
  languages?: readonly string[];
  /** Where the zips go (default "dist/packages", relative to cwd). */
  outDir?: string;
  cwd?: string;
  /** The base IRI of xAPI and cmi5 activity ids. */
  activityBase?: string;
  /** One package per unit and format holding every language, switchable by the learner (the course stays per language). */
  multilingual?: boolean;
  /** Package every unit again, even when its packages are up to date. */
  force?: boolean;
  /** Told after each unit (and the course) is written: for progress on long builds. */
  onProgress?: (progress: BuildProgress) => void;
}

export interface BuildProgress {
  done: number;
  total: number;
  /** True when the packages were already built from the same inputs and were kept. */
  cached: boolean;
  /** The unit or course just written, and its packages. */
  name: string;
  packages: PackageSummary[];
}

export interface BuildAllResult {
  units: number;
  /** Units (and the course) whose packages were already up to date. */
  cached: number;
  packages: PackageSummary[];
  diagnostics: Diagnostic[];
}

/** Checked units are kept between the two passes up to this many; beyond, each is checked again when built, so memory stays flat. */
const KEEP_CHECKED = 64;
/** Units packaged at once: enough to keep zlib busy on every core, few enough to keep memory flat. */
const UNITS_IN_FLIGHT = 2;

async function check(folder: string, context: BuildContext, formats: readonly string[]): Promise<{ checked?: CheckedUnit; diagnostics: Diagnostic[] }> {
  const loaded = await loadUnit(folder, { cwd: context.cwd });
  if (!loaded.unit || hasErrors(loaded.diagnostics)) return { diagnostics: loaded.diagnostics };
  // SCORM 1.2's suspend_data budget only binds a build that makes SCORM 1.2 packages.
  const checked = await checkUnit(loaded.unit, context, { formats: formats.filter((f): f is FormatId => f !== "notebook") });
  return { ...(checked.checked ? { checked: checked.checked } : {}), diagnostics: [...loaded.diagnostics, ...checked.diagnostics] };
}

/**
 * Builds many units with one shared context (schema and templates compiled once, each file content
 * compressed once), then the course when units/course.json exists and no paths were given. Everything is
 * checked first; if anything has an error, nothing is written at all.
 */
export async function buildAll(options: BuildAllOptions = {}): Promise<BuildAllResult> {
  const context = createBuildContext({ cwd: options.cwd ?? process.cwd(), ...(options.activityBase ? { activityBase: options.activityBase } : {}) });
  const folders = await findUnits(options.paths ?? [], context.cwd);
  const diagnostics: Diagnostic[] = [];
  const kept = new Map<string, CheckedUnit>();
  // Only each unit's languages are kept for the course check: a checked unit is large.
  const languagesById = new Map<string, string[]>();
  for (const folder of folders) {
    const result = await check(folder, context, options.formats ?? ["scorm12"]);
    diagnostics.push(...result.diagnostics);
    if (result.checked && folders.length <= KEEP_CHECKED) kept.set(folder, result.checked);
    if (result.checked) languagesById.set(result.checked.unit.id, result.checked.unit.languages);
  }
  let course: LoadedCourse | undefined;
  if (!options.paths?.length) {
    const loaded = await loadCourse(resolve(context.cwd, "units"), context.cwd);
    if (loaded) diagnostics.push(...loaded.diagnostics);
    course = loaded?.course;
    if (course) diagnostics.push(...checkCourseLanguages(course, languagesById));
  }
  if (hasErrors(diagnostics)) return { units: folders.length, cached: 0, packages: [], diagnostics };

  const outDir = resolve(context.cwd, options.outDir ?? "dist/packages");
  const compressor = createZipCompressor();
  const requested = options.formats ?? ["scorm12"];
  const formats = requested.filter((f): f is FormatId => f !== "notebook");
  const notebooks = requested.includes("notebook");
  const unitAt = async (folder: string) => kept.get(folder) ?? (await check(folder, context, requested)).checked!;
  // Pages rendered for the units are reused by the course, when there is one.
  const rendered = course && folders.length <= KEEP_CHECKED ? new Map<string, RenderedLanguage>() : undefined;
  const packages: PackageSummary[][] = [];
  const total = folders.length + (course && formats.length ? 1 : 0);
  let done = 0;
  let cached = 0;
  const cache = await openBuildCache(outDir);
  const settings = `${await toolFingerprint(context)}\0${JSON.stringify([requested, options.languages ?? null, options.activityBase ?? null, options.pdf ?? false, options.multilingual ?? false])}`;
  const fingerprints = new Map<string, string>();
  const buildOne = async (index: number) => {
    const checked = await unitAt(folders[index]!);
    const fingerprint = await unitFingerprint(checked, settings);
    fingerprints.set(checked.unit.id, fingerprint);
    const reused = options.force ? undefined : await cache.reuse(checked.unit.id, fingerprint);
    if (reused) {
      packages[index] = reused;
      cached++;
    } else {
      const languages = options.languages ? checked.unit.languages.filter((l) => options.languages!.includes(l)) : checked.unit.languages;
      const built = await packageCheckedUnit(checked, { formats, languages, context, multilingual: options.multilingual ?? false, ...(rendered ? { rendered } : {}) });
      packages[index] = [
        ...(await Promise.all(built.map((pkg) => writePackage(pkg, outDir, compressor)))),
        ...(notebooks ? await writeNotebooks(checked, { languages, context, outDir, pdf: options.pdf ?? false }) : []),
      ];
      cache.record(checked.unit.id, fingerprint, packages[index]!);
    }
    options.onProgress?.({ done: ++done, total, name: checked.unit.id, packages: packages[index]!, cached: Boolean(reused) });
  };
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(UNITS_IN_FLIGHT, folders.length) }, async () => {
    while (next < folders.length) await buildOne(next++);
  }));
  if (course && formats.length) {
    // The course changes when course.json or any of its units does.
    const fingerprint = createHash("sha256").update(settings).update(course.source.text).update(course.course.units.map((id) => fingerprints.get(id) ?? "").join("\0")).digest("hex");
    const key = `course:${course.course.id}`;
    const reused = options.force ? undefined : await cache.reuse(key, fingerprint);
    const written = reused ?? (await buildCourse(course, { context, formats, ...(options.languages ? { languages: options.languages } : {}), outDir, compressor, unit: unitAt, rendered: rendered ?? new Map() }));
    if (reused) cached++;
    else cache.record(key, fingerprint, written);
    packages.push(written);
    options.onProgress?.({ done: ++done, total, name: course.course.id, packages: written, cached: Boolean(reused) });
  }
  await cache.save();
  return { units: folders.length, cached, packages: packages.flat(), diagnostics };
}
