import { XMLParser } from "fast-xml-parser";
import type { TextEntry } from "../../shared/translatable-text.js";
import type { TranslationStatus } from "./translation-table.js";

export interface ExportRow {
  entry: TextEntry;
  target?: string;
  status: TranslationStatus;
  /** Guidance for the translator: what the text is and where it shows. */
  note: string;
}

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * XLIFF 2.0 (OASIS), which CAT tools read. One <unit> per text, its id the stable translation key;
 * stale translations go out with state="initial" and a note, so the translator sees what changed.
 */
export function toXliff(rows: readonly ExportRow[], meta: { fileId: string; original: string; sourceLanguage: string; targetLanguage: string }): string {
  const units = rows.map(({ entry, target, status, note }) => {
    const state = status === "current" || status === "unknown" ? "translated" : "initial";
    const notes = [`<note category="location">${xml(entry.pointer)}</note>`, `<note category="description">${xml(note)}</note>`];
    if (status === "stale") notes.push('<note category="status">The English text has changed since this was translated: check the translation.</note>');
    const targetXml = target ? `\n        <target>${xml(target)}</target>` : "";
    return `    <unit id="${xml(entry.key)}">
      <notes>${notes.join("")}</notes>
      <segment state="${state}">
        <source>${xml(entry.text)}</source>${targetXml}
      </segment>
    </unit>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="${xml(meta.sourceLanguage)}" trgLang="${xml(meta.targetLanguage)}">
  <file id="${xml(meta.fileId)}" original="${xml(meta.original)}">
${units.join("\n")}
  </file>
</xliff>
`;
}

export interface ImportedText {
  key: string;
  source?: string;
  target: string;
}

/** Reads the targets of an XLIFF 2.0 file (as a CAT tool returns it); inline markup keeps its text only. */
export function fromXliff(text: string): { language?: string; texts: ImportedText[] } {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    removeNSPrefix: true,
    trimValues: false,
    parseTagValue: false,
    isArray: (name) => ["file", "unit", "segment", "group"].includes(name),
    stopNodes: [],
  });
  const doc = parser.parse(text) as { xliff?: { trgLang?: string; file?: unknown[] } };
  if (!doc.xliff) throw new Error("this is not an XLIFF file (no <xliff> root element)");
  const texts: ImportedText[] = [];
  const plain = (node: unknown): string =>
    typeof node === "string" ? node : typeof node === "number" ? String(node) : node && typeof node === "object" ? String((node as Record<string, unknown>)["#text"] ?? "") : "";
  const visit = (container: Record<string, unknown>) => {
    for (const unit of (container.unit as Record<string, unknown>[] | undefined) ?? []) {
      const segments = (unit.segment as Record<string, unknown>[] | undefined) ?? [];
      const target = segments.map((s) => plain(s.target)).join("");
      if (typeof unit.id === "string") texts.push({ key: unit.id, source: segments.map((s) => plain(s.source)).join(""), target });
    }
    for (const group of (container.group as Record<string, unknown>[] | undefined) ?? []) visit(group);
  };
  for (const file of (doc.xliff.file as Record<string, unknown>[] | undefined) ?? []) visit(file);
  return { ...(doc.xliff.trgLang ? { language: doc.xliff.trgLang } : {}), texts };
}
