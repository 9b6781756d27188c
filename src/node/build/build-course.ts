import { join } from "node:path";
import { diagnostics as codes } from "../diagnostics/codes.js";
import type { LoadedCourse } from "../course/load-course.js";
import type { FormatId } from "../package/package-format.js";
import { writeFileAtomic, zipFiles, type ZipCompressor } from "../package/zip-writer.js";
import type { Diagnostic } from "../../shared/diagnostic.js";
import type { BuildContext } from "./build-context.js";
import { mediaFor, packageName, readAssets, renderedKey, type PackageSummary } from "./build-unit.js";
import type { CheckedUnit } from "./check-unit.js";
import { renderLanguage, type RenderedLanguage } from "./render-unit.js";

/** Every course language must be a language each of its units is complete in. */
export function checkCourseLanguages(loaded: LoadedCourse, unitLanguages: Map<string, string[]>): Diagnostic[] {
  const { course, source } = loaded;
  return course.units.flatMap((id, i) => {
    const languages = unitLanguages.get(id);
    const missing = languages ? course.languages.filter((l) => !languages.includes(l)) : [];
    if (!languages || !missing.length) return [];
    return [codes.languageNotInUnit({ file: source.file, pointer: `/units/${i}`, loc: source.locate(`/units/${i}`) }, missing, languages)];
  });
}

/**
 * The course packages: for each course language and each format that can hold several units (SCORM 1.2:
 * one SCO per unit; cmi5: one AU per unit), one zip with every unit in its own folder.
 */
export async function buildCourse(
  loaded: LoadedCourse,
  options: {
    context: BuildContext;
    formats: readonly FormatId[];
    languages?: readonly string[];
    outDir: string;
    compressor: ZipCompressor;
    unit(folder: string): Promise<CheckedUnit>;
    rendered: Map<string, RenderedLanguage>;
  },
): Promise<PackageSummary[]> {
  const { course } = loaded;
  const languages = course.languages.filter((l) => !options.languages || options.languages.includes(l));
  const formats = options.formats.filter((f) => options.context.format(f).packageCourse);
  const summaries: PackageSummary[] = [];
  for (const language of languages) {
    const units = await Promise.all(
      loaded.unitFolders.map(async (folder) => {
        const checked = await options.unit(folder);
        const unit = checked.localized.get(language)!;
        const rendered = options.rendered.get(renderedKey(unit.id, language)) ?? (await renderLanguage(unit, mediaFor([unit], await readAssets(checked)), options.context));
        return { unit, rendered };
      }),
    );
    for (const formatId of formats) {
      const format = options.context.format(formatId);
      const files = await format.packageCourse!({
        id: course.id,
        version: course.version,
        language,
        title: course.title[language]!,
        description: course.description[language]!,
        units: units.map(({ unit, rendered }) => ({ unit, files: rendered.filesFor(format) })),
      });
      const zip = await zipFiles(files, options.compressor);
      const name = packageName(course.id, language, formatId);
      const path = join(options.outDir, name);
      await writeFileAtomic(path, zip);
      summaries.push({ unitId: course.id, language, format: formatId, name, path, size: zip.byteLength });
    }
  }
  return summaries;
}
