import { readFile, writeFile } from "node:fs/promises";
import { basename, relative, resolve } from "node:path";
import { exportTranslations, type ExchangeFormat } from "../node/i18n/i18n-export.js";
import { importTranslations } from "../node/i18n/i18n-import.js";
import { loadUnit } from "../node/load/load-unit.js";
import { printDiagnostics, type Output } from "./report.js";
import { UsageError } from "./usage-error.js";

export interface I18nOptions {
  action: string | undefined;
  paths: string[];
  language?: string;
  format?: string;
  out?: string;
  cwd: string;
}

async function load(path: string | undefined, options: I18nOptions, output: Output) {
  if (!path) throw new UsageError("give the unit folder, e.g. skillpack i18n export units/communication --lang lt");
  const loaded = await loadUnit(path, { cwd: options.cwd });
  if (!loaded.unit) {
    printDiagnostics(loaded.diagnostics, output, options.cwd);
    return undefined;
  }
  return loaded.unit;
}

/** skillpack i18n export|import: the translation round trip through XLIFF 2.0 or CSV. */
export async function i18nCommand(options: I18nOptions, output: Output): Promise<number> {
  const [unitPath, filePath] = options.paths;
  if (options.action === "export") {
    if (!options.language) throw new UsageError("give the target language, e.g. --lang lt");
    const format = (options.format ?? "xliff") as ExchangeFormat;
    if (format !== "xliff" && format !== "csv") throw new UsageError(`--format for i18n is xliff or csv, not "${options.format}".`);
    const loaded = await load(unitPath, options, output);
    if (!loaded) return 1;
    const result = await exportTranslations(loaded, options.language, format);
    const unitId = String((loaded.source.value as { id?: unknown }).id ?? basename(loaded.dir));
    const target = options.out ?? `${unitId}.${options.language}.${format === "csv" ? "csv" : "xlf"}`;
    if (target === "-") output.out(result.content.trimEnd());
    else {
      await writeFile(resolve(options.cwd, target), result.content, "utf8");
      const c = result.counts;
      output.err(`Wrote ${relative(options.cwd, resolve(options.cwd, target))}: ${c.current + c.unknown} translated, ${c.stale} to check (English changed), ${c.missing} to translate.`);
    }
    return 0;
  }
  if (options.action === "import") {
    if (!filePath) throw new UsageError("give the unit folder and the translated file, e.g. skillpack i18n import units/communication communication.lt.xlf");
    const loaded = await load(unitPath, options, output);
    if (!loaded) return 1;
    const text = await readFile(resolve(options.cwd, filePath), "utf8").catch(() => {
      throw new UsageError(`cannot read ${filePath}.`);
    });
    const report = await importTranslations(loaded, filePath, text, options.language);
    output.err(`Updated ${relative(options.cwd, report.file)}: ${report.updated.length} translation${report.updated.length === 1 ? "" : "s"} new or changed.`);
    if (report.missing.length) output.err(`Still to translate (${report.missing.length}): ${report.missing.slice(0, 10).join(", ")}${report.missing.length > 10 ? ", …" : ""}`);
    if (report.stale.length) output.err(`English changed since translated (${report.stale.length}): ${report.stale.slice(0, 10).join(", ")}${report.stale.length > 10 ? ", …" : ""}`);
    if (report.unknown.length) output.err(`Not in the unit, ignored (${report.unknown.length}): ${report.unknown.slice(0, 10).join(", ")}${report.unknown.length > 10 ? ", …" : ""}`);
    return 0;
  }
  throw new UsageError(`unknown i18n action "${options.action ?? ""}": use "skillpack i18n export" or "skillpack i18n import".`);
}
