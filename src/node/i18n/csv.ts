import type { ExportRow, ImportedText } from "./xliff.js";

const cell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** A spreadsheet-friendly export: key, English, translation, status, note. UTF-8 with a BOM, which Excel needs to read accents. */
export function toCsv(rows: readonly ExportRow[], targetLanguage: string): string {
  const lines = [["key", "source", targetLanguage, "status", "note"].join(",")];
  for (const { entry, target, status, note } of rows) lines.push([entry.key, entry.text, target ?? "", status, note].map(cell).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** RFC 4180 records: quoted cells may hold commas, quotes ("") and line breaks. */
function parseRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let value = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (value += '"'), i++;
      else if (c === '"') quoted = false;
      else value += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") record.push(value), (value = "");
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      record.push(value), records.push(record), (record = []), (value = "");
    } else value += c;
  }
  if (value !== "" || record.length) record.push(value), records.push(record);
  return records.filter((r) => r.some((v) => v !== ""));
}

/** Reads key and translation columns back; the translation column is the third, as exported. */
export function fromCsv(text: string): { language?: string; texts: ImportedText[] } {
  const [header, ...rows] = parseRecords(text.replace(/^\uFEFF/, ""));
  if (!header || header[0] !== "key" || header.length < 3) throw new Error('this CSV does not start with the columns "key,source,<language>" that skillpack exports');
  return { language: header[2]!, texts: rows.map((r) => ({ key: r[0] ?? "", source: r[1] ?? "", target: r[2] ?? "" })) };
}
