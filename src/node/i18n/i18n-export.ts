import type { LoadedUnit } from "../load/load-unit.js";
import { collectTexts } from "../../shared/translatable-text.js";
import { toCsv } from "./csv.js";
import { readTranslationTable, statusOf } from "./translation-table.js";
import { translatorNote } from "./translator-note.js";
import { toXliff, type ExportRow } from "./xliff.js";

export type ExchangeFormat = "xliff" | "csv";

export interface ExportResult {
  content: string;
  counts: Record<"missing" | "stale" | "current" | "unknown", number>;
}

/** Every text of a unit with its translation so far, for a translator (XLIFF 2.0) or a spreadsheet (CSV). */
export async function exportTranslations(loaded: LoadedUnit, language: string, format: ExchangeFormat): Promise<ExportResult> {
  const unit = loaded.source.value as { id?: string; language?: string };
  const table = await readTranslationTable(loaded.dir, language);
  const rows: ExportRow[] = collectTexts(loaded.source.value).map((entry) => {
    const status = statusOf(table, entry);
    const target = table.strings.get(entry.key);
    return { entry, status, note: translatorNote(entry), ...(target ? { target } : {}) };
  });
  const counts = { missing: 0, stale: 0, current: 0, unknown: 0 };
  for (const row of rows) counts[row.status]++;
  const content =
    format === "csv"
      ? toCsv(rows, language)
      : toXliff(rows, { fileId: String(unit.id ?? "unit"), original: loaded.source.file, sourceLanguage: String(unit.language ?? "en"), targetLanguage: language });
  return { content, counts };
}
