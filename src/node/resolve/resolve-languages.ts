import { diagnostics } from "../diagnostics/codes.js";
import type { JsonSource } from "../load/json-source.js";
import type { LoadedUnit } from "../load/load-unit.js";
import { collectTexts, mapTexts } from "../../shared/translatable-text.js";
import { SOURCE_HASHES, sourceHash } from "../i18n/translation-table.js";
import type { Diagnostic } from "../../shared/diagnostic.js";
import type { Unit } from "../../shared/unit-types.js";

export interface LanguageResolution {
  /** The unit with every text in that language, for each listed language. */
  localized: Map<string, Unit>;
  diagnostics: Diagnostic[];
}

const translationPointer = (key: string) => `/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;

/**
 * Builds the unit in each listed language from unit.json (the source language) and i18n/<lang>.json.
 * A listed language must be complete: a shipped unit never falls back to the source language.
 */
export function resolveLanguages(unit: Unit, loaded: LoadedUnit): LanguageResolution {
  const texts = collectTexts(unit);
  const out: Diagnostic[] = [];
  const localized = new Map<string, Unit>([[unit.language, unit]]);
  for (const language of unit.languages) {
    if (language === unit.language) continue;
    const file: JsonSource | undefined = loaded.translations.get(language);
    if (!file) continue; // reported by the loader (missing file) or the parser (bad JSON)
    const table = file.value;
    if (!table || typeof table !== "object" || Array.isArray(table)) {
      out.push(diagnostics.wrongType({ file: file.file, pointer: "", loc: file.locate("") }, 'an object of "key": "translation" pairs', Array.isArray(table) ? "a list" : typeof table));
      continue;
    }
    const strings = table as Record<string, unknown>;
    const known = new Set(texts.map((t) => t.key));
    const hashes = (strings[SOURCE_HASHES] ?? {}) as Record<string, unknown>;
    for (const entry of texts) {
      const value = strings[entry.key];
      const hash = hashes[entry.key];
      if (typeof value === "string" && typeof hash === "string" && hash !== sourceHash(entry.text))
        out.push(diagnostics.staleTranslation({ file: loaded.source.file, pointer: entry.pointer, loc: loaded.source.locate(entry.pointer) }, language, entry.key, file.file));
      if (value === undefined)
        out.push(diagnostics.missingTranslation({ file: loaded.source.file, pointer: entry.pointer, loc: loaded.source.locate(entry.pointer) }, language, entry.key, file.file));
      else if (typeof value !== "string" || value.trim() === "")
        out.push(diagnostics.translationNotText({ file: file.file, pointer: translationPointer(entry.key), loc: file.locate(translationPointer(entry.key)) }, entry.key));
    }
    for (const key of Object.keys(strings)) {
      if (!known.has(key) && !key.startsWith("$"))
        out.push(diagnostics.unusedTranslation({ file: file.file, pointer: translationPointer(key), loc: file.locateKey(translationPointer(key)) }, key));
    }
    localized.set(language, { ...mapTexts(unit, (e) => (typeof strings[e.key] === "string" ? (strings[e.key] as string) : e.text)), language });
  }
  return { localized, diagnostics: out };
}
