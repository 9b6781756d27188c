import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { translationFile } from "../load/load-unit.js";
import { writeFileAtomic } from "../package/zip-writer.js";
import type { TextEntry } from "../../shared/translatable-text.js";

/**
 * The key under which a translation file remembers which English text each translation was made from
 * (a short hash), so a changed source shows up as stale. Keys starting with "$" are never unit text.
 */
export const SOURCE_HASHES = "$source";

export const sourceHash = (text: string) => createHash("sha256").update(text.normalize("NFC")).digest("hex").slice(0, 10);

/** A translation file in memory: translations by key, and the source hash each was made from. */
export interface TranslationTable {
  strings: Map<string, string>;
  hashes: Map<string, string>;
}

export type TranslationStatus = "missing" | "stale" | "current" | "unknown";

/** Where a translation stands against the current source text. "unknown": made before hashes were kept. */
export function statusOf(table: TranslationTable, entry: TextEntry): TranslationStatus {
  if (!table.strings.get(entry.key)) return "missing";
  const hash = table.hashes.get(entry.key);
  if (hash === undefined) return "unknown";
  return hash === sourceHash(entry.text) ? "current" : "stale";
}

export async function readTranslationTable(unitDir: string, language: string): Promise<TranslationTable> {
  const text = await readFile(join(unitDir, translationFile(language)), "utf8").catch(() => undefined);
  const value = text ? (JSON.parse(text.replace(/^\uFEFF/, "")) as Record<string, unknown>) : {};
  const strings = new Map<string, string>();
  for (const [key, v] of Object.entries(value)) if (!key.startsWith("$") && typeof v === "string") strings.set(key, v);
  const hashes = new Map(Object.entries((value[SOURCE_HASHES] as Record<string, string> | undefined) ?? {}));
  return { strings, hashes };
}

/**
 * Writes a translation file: keys in the unit's document order, then keys the unit no longer has (kept,
 * never dropped: an id may come back, and the designer decides), then the source hashes.
 */
export async function writeTranslationTable(unitDir: string, language: string, table: TranslationTable, order: readonly TextEntry[]): Promise<string> {
  const out: Record<string, unknown> = {};
  for (const entry of order) if (table.strings.has(entry.key)) out[entry.key] = table.strings.get(entry.key);
  for (const [key, value] of table.strings) if (!(key in out)) out[key] = value;
  const hashes = Object.fromEntries([...table.hashes].filter(([key]) => table.strings.has(key)).sort(([a], [b]) => (a < b ? -1 : 1)));
  if (Object.keys(hashes).length) out[SOURCE_HASHES] = hashes;
  const path = join(unitDir, translationFile(language));
  await writeFileAtomic(path, Buffer.from(`${JSON.stringify(out, null, 2)}\n`, "utf8"));
  return path;
}
