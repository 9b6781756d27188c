import type { ErrorObject } from "ajv";
import { diagnostics, type Place } from "../diagnostics/codes.js";
import type { JsonSource } from "../load/json-source.js";
import type { Diagnostic } from "../../shared/diagnostic.js";
import { suggest } from "./did-you-mean.js";

type SchemaNode = { properties?: Record<string, unknown>; anyOf?: { const?: unknown }[]; oneOf?: { properties?: Record<string, { const?: unknown }> }[]; description?: string; pattern?: string };

const jsonTypeOf = (v: unknown) =>
  v === null ? "null" : Array.isArray(v) ? "a list" : typeof v === "object" ? "an object" : typeof v === "string" ? "text" : `a ${typeof v}`;
const article: Record<string, string> = {
  string: "text in double quotes", number: "a number", integer: "a whole number", boolean: "true or false", object: "an object { … }", array: "a list [ … ]", null: "null",
};
const quote = (s: unknown) => JSON.stringify(s);
/** A stand-in value of each JSON type, for "add …" hints. */
const placeholder: Record<string, string> = { string: '"…"', number: "1", integer: "1", boolean: "true", object: "{ … }", array: "[ … ]" };
const lastSegment = (pointer: string) => pointer.slice(pointer.lastIndexOf("/") + 1);

const ID_PATTERN = "^[a-z0-9][a-z0-9-]{0,47}$";

function patternMessage(e: ErrorObject, value: unknown): { message: string; hint: string } {
  const pattern = (e.params as { pattern: string }).pattern;
  if (pattern === ID_PATTERN)
    return {
      message: `${quote(value)} is not a valid id: ids use lowercase letters, digits and hyphens, start with a letter or digit, and are at most 48 characters.`,
      hint: `e.g. ${quote(String(value).toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+/, "").slice(0, 48) || "section-1")}.`,
    };
  if (pattern.includes("\\d+\\.\\d+")) return { message: `${quote(value)} is not a version number.`, hint: 'write it as major.minor.patch, e.g. "1.0.0".' };
  if (pattern.includes("[a-z]{2,3}")) return { message: `${quote(value)} is not a language code.`, hint: 'use a code such as "en", "lt" or "pl".' };
  return { message: `${quote(value)} does not have the expected form.`, hint: `it must match ${pattern}.` };
}

function valueAt(root: unknown, pointer: string): unknown {
  let v = root as Record<string, unknown> | undefined;
  for (const seg of pointer.split("/").slice(1)) v = v?.[seg.replace(/~1/g, "/").replace(/~0/g, "~")] as Record<string, unknown> | undefined;
  return v;
}

/** Turns ajv's errors into one plain diagnostic per problem. */
export function schemaDiagnostics(errors: readonly ErrorObject[], source: JsonSource): Diagnostic[] {
  const at = (pointer: string, key = false): Place => ({ file: source.file, pointer, loc: key ? source.locateKey(pointer) : source.locate(pointer) });
  // A value that is wrong for a union of literals produces one error per literal plus the anyOf: keep the anyOf.
  const literalUnions = new Set(errors.filter((e) => e.keyword === "anyOf" && ((e.parentSchema as SchemaNode)?.anyOf ?? []).every((s) => "const" in s)).map((e) => e.instancePath));
  const out: Diagnostic[] = [];
  for (const e of errors) {
    const pointer = e.instancePath;
    const parent = e.parentSchema as SchemaNode | undefined;
    const value = e.data;
    switch (e.keyword) {
      case "required": {
        const property = (e.params as { missingProperty: string }).missingProperty;
        const parentValue = value as { kind?: string } | undefined;
        if (property === "alt" && parentValue?.kind === "image") out.push(diagnostics.imageWithoutAlt({ ...at(pointer), pointer: `${pointer}/alt` }));
        else {
          const schema = parent?.properties?.[property] as { description?: string; type?: string } | undefined;
          const example = `${quote(property)}: ${placeholder[schema?.type ?? ""] ?? "…"}`;
          const described = schema?.description?.replace(/\.$/, "");
          out.push(diagnostics.missingProperty({ ...at(pointer), pointer: `${pointer}/${property}` }, property, described ? `add ${example} (${described[0]!.toLowerCase()}${described.slice(1)}).` : `add ${example}.`));
        }
        break;
      }
      case "additionalProperties": {
        const property = (e.params as { additionalProperty: string }).additionalProperty;
        const known = Object.keys(parent?.properties ?? {});
        out.push(diagnostics.unknownProperty(at(`${pointer}/${property.replace(/~/g, "~0").replace(/\//g, "~1")}`, true), property, suggest(property, known), known));
        break;
      }
      case "type": {
        if (literalUnions.has(pointer)) break;
        const expected = String((e.params as { type: string }).type).split(",").map((t) => article[t] ?? t).join(" or ");
        out.push(diagnostics.wrongType(at(pointer), expected, jsonTypeOf(value)));
        break;
      }
      case "discriminator": {
        const params = e.params as { error: string; tag: string; tagValue: unknown };
        const known = (parent?.oneOf ?? []).map((s) => s.properties?.[params.tag]?.const).filter((v): v is string => typeof v === "string");
        const tagValue = params.tagValue;
        const place = at(`${pointer}/${params.tag}`);
        if (params.error === "tag" && tagValue === undefined) {
          out.push(diagnostics.missingProperty(at(pointer), params.tag, `add ${quote(params.tag)}: one of ${known.join(", ")}.`));
        } else if (typeof tagValue !== "string") {
          out.push(diagnostics.wrongType(place, "text in double quotes", jsonTypeOf(tagValue)));
        } else if (params.tag === "kind") {
          out.push(diagnostics.unknownBlockKind(place, tagValue, suggest(tagValue, known), known));
        } else if (known.includes("singleChoice")) {
          out.push(diagnostics.unknownQuestionType(place, tagValue, suggest(tagValue, known), known));
        } else {
          const guess = suggest(tagValue, known);
          out.push(diagnostics.invalidValue(place, `${quote(tagValue)} is not a known ${params.tag} here.`, guess ? `did you mean ${quote(guess)}?` : `use one of: ${known.join(", ")}.`));
        }
        break;
      }
      case "anyOf": {
        if (!literalUnions.has(pointer)) break;
        const allowed = (parent?.anyOf ?? []).map((s) => s.const as string);
        const guess = typeof value === "string" ? suggest(value, allowed) : undefined;
        out.push(diagnostics.invalidValue(at(pointer), `${quote(value)} is not allowed for ${quote(lastSegment(pointer))}.`, guess ? `did you mean ${quote(guess)}? Allowed: ${allowed.join(", ")}.` : `use one of: ${allowed.join(", ")}.`));
        break;
      }
      case "const":
        if (!literalUnions.has(pointer)) out.push(diagnostics.invalidValue(at(pointer), `${quote(value)} is not allowed here.`, `write ${quote((e.params as { allowedValue: unknown }).allowedValue)}.`));
        break;
      case "minimum":
      case "maximum":
      case "exclusiveMinimum":
      case "exclusiveMaximum": {
        const name = lastSegment(pointer);
        const s = e.parentSchema as { minimum?: number; maximum?: number; exclusiveMinimum?: number; exclusiveMaximum?: number };
        const low = s.minimum ?? (s.exclusiveMinimum !== undefined ? `more than ${s.exclusiveMinimum}` : undefined);
        const high = s.maximum ?? (s.exclusiveMaximum !== undefined ? `less than ${s.exclusiveMaximum}` : undefined);
        const range = low !== undefined && high !== undefined ? `between ${low} and ${high}` : low !== undefined ? `at least ${low}` : `at most ${high}`;
        out.push(diagnostics.valueOutOfRange(at(pointer), `${quote(name)} is ${value}, but it must be ${range}.`, `e.g. ${quote(name)}: ${s.minimum !== undefined && s.maximum !== undefined ? Math.round(((s.minimum + s.maximum) * 0.7)) : (s.minimum ?? s.maximum ?? 1)}.`));
        break;
      }
      case "pattern": {
        const m = patternMessage(e, value);
        out.push(diagnostics.invalidValue(at(pointer), m.message, m.hint));
        break;
      }
      case "minLength":
        out.push(diagnostics.invalidValue(at(pointer), `${quote(lastSegment(pointer))} is empty.`, "write the text, or remove the property if it is optional."));
        break;
      case "maxLength": {
        const limit = (e.params as { limit: number }).limit;
        out.push(diagnostics.invalidValue(at(pointer), `This text is ${String(value).length} characters long; at most ${limit} fit here.`, "shorten it, or split it into two blocks."));
        break;
      }
      case "minItems":
      case "maxItems": {
        const limit = (e.params as { limit: number }).limit;
        const n = Array.isArray(value) ? value.length : 0;
        out.push(diagnostics.invalidValue(at(pointer), `${quote(lastSegment(pointer))} has ${n} item${n === 1 ? "" : "s"}; it needs ${e.keyword === "minItems" ? "at least" : "at most"} ${limit}.`, e.keyword === "minItems" ? "add the missing items." : "remove some, or split them over two blocks."));
        break;
      }
      case "uniqueItems":
        out.push(diagnostics.invalidValue(at(pointer), `${quote(lastSegment(pointer))} lists the same value twice.`, "list each value once."));
        break;
      case "oneOf":
      case "if":
        break; // the branch's own errors say what is wrong
      default:
        out.push(diagnostics.invalidValue(at(pointer), `This value is not valid here: ${e.message ?? e.keyword}.`, "check it against the unit format reference."));
    }
  }
  // Missing alt text appears once as "required"/"minLength"; report it with its own code.
  return out.map((d) => {
    if (d.code === "INVALID_VALUE" && d.pointer.endsWith("/alt") && (valueAt(source.value, d.pointer.slice(0, -4)) as { kind?: string })?.kind === "image") return diagnostics.imageWithoutAlt({ file: d.file, pointer: d.pointer, loc: d.loc! });
    return d;
  });
}
