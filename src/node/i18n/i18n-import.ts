import type { LoadedUnit } from "../load/load-unit.js";
import { collectTexts } from "../../shared/translatable-text.js";
import { fromCsv } from "./csv.js";
import { readTranslationTable, sourceHash, statusOf, writeTranslationTable } from "./translation-table.js";
import { fromXliff } from "./xliff.js";

export interface ImportReport {
  language: string;
  file: string;
  /** Keys whose translation this import added or changed. */
  updated: string[];
  /** Keys of the unit that still have no translation. */
  missing: string[];
  /** Keys whose English changed since their translation, and this import did not translate again. */
  stale: string[];
  /** Keys in the imported file that the unit does not have (ignored). */
  unknown: string[];
}

/**
 * Writes translations from an XLIFF or CSV file back into i18n/<lang>.json. Only non-empty targets are
 * taken; nothing already there is removed, so a structural edit never loses a translation.
 */
export async function importTranslations(loaded: LoadedUnit, fileName: string, text: string, language?: string): Promise<ImportReport> {
  const parsed = /\.csv$/i.test(fileName) ? fromCsv(text) : fromXliff(text);
  const target = language ?? parsed.language;
  if (!target) throw new Error("the file does not say which language it holds; give --lang");
  const entries = collectTexts(loaded.source.value);
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const table = await readTranslationTable(loaded.dir, target);
  const updated: string[] = [];
  const unknown: string[] = [];
  for (const { key, source, target: translation } of parsed.texts) {
    const entry = byKey.get(key);
    if (!entry) {
      unknown.push(key);
      continue;
    }
    const value = translation.trim() === "" ? undefined : translation;
    if (!value) continue;
    // Hash the English the translator saw: if the unit changed since the export, the translation is kept but shows as stale.
    const hash = sourceHash(source || entry.text);
    if (table.strings.get(key) !== value || table.hashes.get(key) !== hash) updated.push(key);
    table.strings.set(key, value);
    table.hashes.set(key, hash);
  }
  const file = await writeTranslationTable(loaded.dir, target, table, entries);
  return {
    language: target,
    file,
    updated,
    missing: entries.filter((e) => statusOf(table, e) === "missing").map((e) => e.key),
    stale: entries.filter((e) => statusOf(table, e) === "stale").map((e) => e.key),
    unknown,
  };
}
