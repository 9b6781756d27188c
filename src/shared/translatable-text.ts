import { TRANSLATABLE } from "./schema/keywords.js";
import { unitJsonSchema } from "./schema/unit-schema.js";

/** Property names that hold learner-facing text, read off the schema's x-translatable marks. */
export const TRANSLATABLE_FIELDS: ReadonlySet<string> = (() => {
  const names = new Set<string>();
  const visit = (schema: unknown): void => {
    if (!schema || typeof schema !== "object") return;
    const node = schema as Record<string, unknown>;
    for (const [name, child] of Object.entries((node.properties as Record<string, unknown>) ?? {})) {
      if ((child as Record<string, unknown>)[TRANSLATABLE]) names.add(name);
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === "object") visit(value);
    }
  };
  visit(unitJsonSchema);
  return names;
})();

/** Arrays whose items carry unit-wide ids: a translation key starts afresh at such an item. */
const ENTITY_ARRAYS = new Set(["outcomes", "glossary", "sections", "blocks", "questions", "levels", "badges"]);

export interface TextEntry {
  /** Stable key for translators: built from ids, not positions, so moving a block keeps its translations. */
  key: string;
  /** Where the text sits in unit.json. */
  pointer: string;
  text: string;
}

/** Every translatable string of a unit, in document order, with its translation key. */
export function collectTexts(unit: unknown): TextEntry[] {
  const out: TextEntry[] = [];
  const walk = (value: unknown, pointer: string, key: readonly string[], field: string | undefined): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        const id = item && typeof item === "object" && typeof (item as { id?: unknown }).id === "string" ? (item as { id: string }).id : undefined;
        const itemKey = id && field && ENTITY_ARRAYS.has(field) ? [id] : [...key, id ?? String(i)];
        walk(item, `${pointer}/${i}`, itemKey, undefined);
      });
    } else if (value && typeof value === "object") {
      for (const [name, child] of Object.entries(value)) {
        const childPointer = `${pointer}/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`;
        if (typeof child === "string" && TRANSLATABLE_FIELDS.has(name)) out.push({ key: [...key, name].join("."), pointer: childPointer, text: child });
        else walk(child, childPointer, [...key, name], name);
      }
    }
  };
  walk(unit, "", [], undefined);
  return out;
}

/** A deep copy of the unit with each translatable string replaced through `translate`. */
export function mapTexts<T>(unit: T, translate: (entry: TextEntry) => string): T {
  const byPointer = new Map(collectTexts(unit).map((e) => [e.pointer, e]));
  const copy = (value: unknown, pointer: string): unknown => {
    if (Array.isArray(value)) return value.map((item, i) => copy(item, `${pointer}/${i}`));
    if (value && typeof value === "object")
      return Object.fromEntries(
        Object.entries(value).map(([name, child]) => {
          const childPointer = `${pointer}/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`;
          const entry = byPointer.get(childPointer);
          return [name, entry ? translate(entry) : copy(child, childPointer)];
        }),
      );
    return value;
  };
  return copy(unit, "") as T;
}
