import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import { diagnostics } from "../diagnostics/codes.js";
import type { Diagnostic } from "../../shared/diagnostic.js";

/** A parsed JSON file that remembers where every value came from, so a JSON pointer maps to line:column. */
export interface JsonSource {
  file: string;
  text: string;
  value: unknown;
  /** Line and column (1-based) of the value at a pointer, or of its nearest existing parent. */
  locate(pointer: string): { line: number; column: number };
  /** Line and column of the property name at a pointer (for unknown or duplicate keys). */
  locateKey(pointer: string): { line: number; column: number };
}

export interface ParsedJson {
  source?: JsonSource;
  diagnostics: Diagnostic[];
}

export const pointerToPath = (pointer: string): (string | number)[] =>
  pointer === ""
    ? []
    : pointer
        .slice(1)
        .split("/")
        .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
        .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));

export const pathToPointer = (path: readonly (string | number)[]): string =>
  path.map((s) => `/${String(s).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function offsetToLoc(starts: number[], offset: number) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

function nearestNode(root: Node, path: (string | number)[]): Node {
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(root, path.slice(0, n));
    if (node) return node;
  }
  return root;
}

function describeParseError(error: ParseError): string {
  const names: Record<string, string> = {
    InvalidSymbol: "an unexpected character",
    InvalidNumberFormat: "a badly written number",
    PropertyNameExpected: "a property name in double quotes was expected",
    ValueExpected: "a value was expected",
    ColonExpected: "a colon was expected",
    CommaExpected: "a comma was expected",
    CloseBraceExpected: "a closing } was expected",
    CloseBracketExpected: "a closing ] was expected",
    EndOfFileExpected: "the file should end here",
    InvalidCommentToken: "comments are not allowed in JSON",
    UnexpectedEndOfComment: "a comment is not closed",
    UnexpectedEndOfString: "a string is not closed with a double quote",
    UnexpectedEndOfNumber: "a number ends too early",
    InvalidUnicode: "a \\u escape is not valid",
    InvalidEscapeCharacter: "a backslash escape is not valid",
    InvalidCharacter: "a control character (such as a tab or line break) appears inside a string",
  };
  const code = printParseErrorCode(error.error);
  return names[code] ?? code;
}

/** The offset of a comma that directly precedes the } or ] at `offset` (only whitespace between), if any. */
function trailingCommaBefore(text: string, offset: number): number | undefined {
  if (text[offset] !== "}" && text[offset] !== "]") return undefined;
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return text[i] === "," ? i : undefined;
}

/**
 * Drops the parser's echoes of an error it already reported: a second error at the same place (a trailing
 * comma gives two), and the error right after an unclosed string, whose token ends at the line break.
 */
function withoutEchoes(errors: readonly ParseError[]): ParseError[] {
  return errors.filter((e, i) => {
    const previous = errors[i - 1];
    if (!previous) return true;
    return previous.offset !== e.offset && printParseErrorCode(previous.error) !== "UnexpectedEndOfString";
  });
}

function findDuplicateKeys(node: Node, path: (string | number)[], found: { path: (string | number)[]; offset: number; key: string }[]) {
  if (node.type === "object") {
    const seen = new Set<string>();
    for (const prop of node.children ?? []) {
      const keyNode = prop.children?.[0];
      const valueNode = prop.children?.[1];
      if (!keyNode) continue;
      const key = String(keyNode.value);
      if (seen.has(key)) found.push({ path: [...path, key], offset: keyNode.offset, key });
      seen.add(key);
      if (valueNode) findDuplicateKeys(valueNode, [...path, key], found);
    }
  } else if (node.type === "array") {
    (node.children ?? []).forEach((child, i) => findDuplicateKeys(child, [...path, i], found));
  }
}

/** Deeper than any unit needs (about 12 levels); recursion in parsers and validators stops well before the stack does. */
export const MAX_JSON_DEPTH = 64;

/** The first offset where brackets nest deeper than the limit, ignoring brackets inside strings. */
function tooDeepAt(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // a backslash escapes the next character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > MAX_JSON_DEPTH) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return undefined;
}

/**
 * Parses strict JSON (no comments, no trailing commas), reporting every syntax error and duplicate key with
 * line:column. A UTF-8 byte order mark is accepted, as editors on Windows write one.
 */
export function parseJsonSource(file: string, rawText: string): ParsedJson {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const starts = lineStarts(text);
  const deep = tooDeepAt(text);
  if (deep !== undefined) return { diagnostics: [diagnostics.jsonTooDeep({ file, pointer: "", loc: offsetToLoc(starts, deep) }, MAX_JSON_DEPTH)] };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || !root) {
    const list = errors.length ? errors : [{ error: 4, offset: 0, length: 0 } as ParseError];
    // After the first syntax error the parser's recovery often reports echoes; the first few are the useful ones.
    return {
      diagnostics: withoutEchoes(list).slice(0, 5).map((e) => {
        const comma = trailingCommaBefore(text, e.offset);
        if (comma !== undefined)
          return diagnostics.invalidJson({ file, pointer: "", loc: offsetToLoc(starts, comma) }, `there is a trailing comma before ${text[e.offset]}`,
            "remove this comma: JSON allows no comma after the last item of a list or object.");
        const unclosed = printParseErrorCode(e.error) === "UnexpectedEndOfString";
        return diagnostics.invalidJson({ file, pointer: "", loc: offsetToLoc(starts, e.offset) }, describeParseError(e),
          unclosed ? 'end the text with a double quote on the same line; write a line break inside text as \\n.' : undefined);
      }),
    };
  }
  const duplicates: { path: (string | number)[]; offset: number; key: string }[] = [];
  findDuplicateKeys(root, [], duplicates);
  const source: JsonSource = {
    file,
    text,
    value: JSON.parse(text),
    locate: (pointer) => offsetToLoc(starts, nearestNode(root, pointerToPath(pointer)).offset),
    locateKey: (pointer) => {
      const node = findNodeAtLocation(root, pointerToPath(pointer));
      const keyNode = node?.parent?.type === "property" ? node.parent.children?.[0] : undefined;
      return offsetToLoc(starts, (keyNode ?? node ?? nearestNode(root, pointerToPath(pointer))).offset);
    },
  };
  return {
    source,
    diagnostics: duplicates.map((d) =>
      diagnostics.duplicateKey({ file, pointer: pathToPointer(d.path), loc: offsetToLoc(starts, d.offset) }, d.key),
    ),
  };
}
