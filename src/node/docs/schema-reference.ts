import { ASSET_PATH, TRANSLATABLE } from "../../shared/schema/keywords.js";

type Schema = {
  type?: string;
  const?: unknown;
  title?: string;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  discriminator?: { propertyName: string };
  patternProperties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  default?: unknown;
  [key: string]: unknown;
};

interface Section {
  heading: string;
  schema: Schema;
}

const code = (s: string) => `\`${s}\``;

function typeOf(s: Schema): string {
  if (s.const !== undefined) return code(JSON.stringify(s.const));
  if (s.anyOf?.every((a) => a.const !== undefined)) return s.anyOf.map((a) => code(JSON.stringify(a.const))).join(" \\| ");
  if (s.oneOf && s.discriminator) return `one of the kinds below (by ${code(s.discriminator.propertyName)})`;
  if (s.type === "array") return `list of ${s.items ? typeOf(s.items).replace(/^list of /, "") : "values"}`;
  if (s.type === "object" && s.patternProperties) return "object: language → file";
  if (s.type === "object" && s.title) return s.title;
  if (s.type === "object") return "object (below)";
  if (s[TRANSLATABLE]) return s.contentMediaType === "text/markdown" ? "text (Markdown), translated" : "text, translated";
  if (s[ASSET_PATH]) return "file path in the unit folder";
  return s.type ?? "value";
}

function limits(s: Schema): string {
  const parts: string[] = [];
  if (s.minimum !== undefined || s.maximum !== undefined) parts.push(`${s.minimum ?? "…"}–${s.maximum ?? "…"}`);
  if (s.exclusiveMinimum !== undefined) parts.push(`more than ${s.exclusiveMinimum}`);
  if (s.maxLength !== undefined) parts.push(`≤ ${s.maxLength} characters`);
  if (s.minItems !== undefined || s.maxItems !== undefined) parts.push(`${s.minItems ?? 0}–${s.maxItems ?? "…"} items`);
  if (s.pattern === "^[a-z0-9][a-z0-9-]{0,47}$") parts.push("id: a-z, 0-9, -");
  if (s.default !== undefined) parts.push(`default ${JSON.stringify(s.default)}`);
  return parts.join("; ");
}

function table(s: Schema): string {
  const rows = Object.entries(s.properties ?? {}).map(([name, p]) => {
    const shown = p.type === "array" && p.items ? { ...p.items, ...p, description: p.description ?? p.items.description } : p;
    return `| ${code(name)} | ${(s.required ?? []).includes(name) ? "yes" : ""} | ${typeOf(p)} | ${limits(shown).replace(/\|/g, "\\|")} | ${(p.description ?? p.items?.description ?? "").replace(/\|/g, "\\|").replace(/\n/g, " ")} |`;
  });
  return ["| property | required | type | limits | what it is |", "| --- | --- | --- | --- | --- |", ...rows].join("\n");
}

/** Walks the schema and collects every object worth a table of its own, parents first. */
function collect(schema: Schema, heading: string, out: Section[], seen: Set<Schema>): void {
  if (seen.has(schema)) return;
  seen.add(schema);
  if (schema.properties) out.push({ heading, schema });
  for (const [name, p] of Object.entries(schema.properties ?? {})) {
    const target = p.type === "array" && p.items ? p.items : p;
    if (target.oneOf) {
      for (const variant of target.oneOf) {
        const tag = target.discriminator ? variant.properties?.[target.discriminator.propertyName]?.const : undefined;
        collect(variant, `${heading} › ${name}: ${code(String(tag ?? "variant"))}`, out, seen);
      }
    } else if (target.properties) collect(target, `${heading} › ${name}`, out, seen);
  }
}

/** The unit format reference in Markdown, generated from the JSON Schema so that it cannot drift from it. */
export function schemaReference(schema: Schema, title: string): string {
  const sections: Section[] = [];
  collect(schema, "unit", sections, new Set());
  const body = sections.map((s) => `## ${s.heading}\n\n${s.schema.description ? `${s.schema.description}\n\n` : ""}${table(s.schema)}\n`).join("\n");
  return `# ${title}\n\n<!-- Generated from the JSON Schema by \`npm run docs\`; do not edit by hand. -->\n\nThe schema itself is \`dist/schema/unit.schema.json\` (id ${code(String(schema.$id))}). Texts marked "translated" are written in the unit's source language in \`unit.json\`; every other language gives them in \`i18n/<lang>.json\` under keys built from ids (see the designer's guide).\n\n${body}`;
}
