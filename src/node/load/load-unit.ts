import { readFile, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { diagnostics } from "../diagnostics/codes.js";
import type { Diagnostic } from "../../shared/diagnostic.js";
import { displayPath } from "./display-path.js";
import { parseJsonSource, type JsonSource } from "./json-source.js";

export const UNIT_FILE = "unit.json";
export const translationFile = (language: string) => `i18n/${language}.json`;

/** A unit as read from disk: its source text kept, so every later stage can point at a line and column. */
export interface LoadedUnit {
  /** Absolute path of the unit folder. */
  dir: string;
  source: JsonSource;
  /** Translation files by language, for each listed language other than the source language. */
  translations: Map<string, JsonSource>;
  /** The working directory diagnostics are relative to. */
  cwd: string;
}

export interface LoadResult {
  unit?: LoadedUnit;
  diagnostics: Diagnostic[];
}

async function readText(absolute: string, cwd: string): Promise<{ text?: string; diagnostic?: Diagnostic }> {
  try {
    const bytes = await readFile(absolute);
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { text };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === "ENOENT" ? "it does not exist" : err instanceof TypeError ? "it is not valid UTF-8 text" : err.message;
    return { diagnostic: diagnostics.fileUnreadable({ file: displayPath(absolute, cwd), pointer: "" }, why) };
  }
}

/** Accepts a unit folder or its unit.json; a relative path is taken from cwd. */
async function findUnitFile(path: string, cwd: string): Promise<string | undefined> {
  const absolute = resolve(cwd, path);
  const info = await stat(absolute).catch(() => undefined);
  if (info?.isDirectory()) {
    const inside = join(absolute, UNIT_FILE);
    return (await stat(inside).catch(() => undefined))?.isFile() ? inside : undefined;
  }
  return info?.isFile() ? absolute : undefined;
}

/**
 * Reads a unit folder: unit.json and the translation file of every listed language. Never throws on bad
 * content; every problem found comes back as a diagnostic.
 */
export async function loadUnit(path: string, options: { cwd?: string } = {}): Promise<LoadResult> {
  const cwd = options.cwd ?? process.cwd();
  const file = await findUnitFile(path, cwd);
  if (!file) return { diagnostics: [diagnostics.unitNotFound({ file: displayPath(resolve(cwd, path), cwd), pointer: "" })] };
  const read = await readText(file, cwd);
  if (read.diagnostic) return { diagnostics: [read.diagnostic] };
  const parsed = parseJsonSource(displayPath(file, cwd), read.text!);
  if (!parsed.source) return { diagnostics: parsed.diagnostics };

  const dir = dirname(file);
  const found: Diagnostic[] = [...parsed.diagnostics];
  const translations = new Map<string, JsonSource>();
  const value = parsed.source.value as { language?: unknown; languages?: unknown };
  const languages = Array.isArray(value?.languages) ? value.languages : [];
  await Promise.all(
    languages.map(async (language, index) => {
      if (typeof language !== "string" || language === value.language || !/^[a-z]{2,3}(-[A-Z]{2})?$/.test(language)) return;
      const absolute = join(dir, translationFile(language));
      const exists = (await stat(absolute).catch(() => undefined))?.isFile();
      if (!exists) {
        const pointer = `/languages/${index}`;
        found.push(diagnostics.missingTranslationFile({ file: parsed.source!.file, pointer, loc: parsed.source!.locate(pointer) }, language, displayPath(absolute, cwd)));
        return;
      }
      const text = await readText(absolute, cwd);
      if (text.diagnostic) return void found.push(text.diagnostic);
      const t = parseJsonSource(displayPath(absolute, cwd), text.text!);
      found.push(...t.diagnostics);
      if (t.source) translations.set(language, t.source);
    }),
  );
  return { unit: { dir, source: parsed.source, translations, cwd }, diagnostics: found };
}

export const unitFolderName = (unit: LoadedUnit) => basename(unit.dir);
