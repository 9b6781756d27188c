// Each folder in test/fixtures/invalid is a unit with one thing wrong and the diagnostic it must produce:
// the exact code, JSON pointer, file and line:column, and the words the hint must contain.
import { mkdtemp, readFile, rm, writeFile, cp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBuildContext, hasErrors, validateUnit, type BuildContext, type Diagnostic } from "../../src/index.js";
import { invalidFixtures, prepareFixture, REPO_ROOT, VALID_DIR, validFixtures, type ExpectedDiagnostic } from "../fixtures/invalid/fixtures.js";

const fixtures = invalidFixtures();

const byPlace = <T extends { file?: string; pointer: string; code: string; loc?: { line: number; column: number } }>(a: T, b: T) =>
  (a.file ?? "").localeCompare(b.file ?? "") ||
  (a.loc?.line ?? 0) - (b.loc?.line ?? 0) ||
  (a.loc?.column ?? 0) - (b.loc?.column ?? 0) ||
  a.code.localeCompare(b.code) ||
  a.pointer.localeCompare(b.pointer);

const where = (d: { file?: string; code: string; pointer: string; loc?: { line: number; column: number } }) => ({
  code: d.code,
  file: d.file,
  pointer: d.pointer,
  loc: d.loc,
});

describe("invalid units (test/fixtures/invalid)", () => {
  it("has a case for at least 18 kinds of mistake", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(18);
    expect(new Set(fixtures.flatMap((f) => f.expected.map((e) => e.code))).size).toBeGreaterThanOrEqual(18);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))("%s", async (_name, fixture) => {
    const prepared = await prepareFixture(fixture);
    try {
      let diagnostics: Diagnostic[] = [];
      await expect(
        (async () => {
          diagnostics = await validateUnit(prepared.path, { cwd: prepared.cwd });
        })(),
      ).resolves.toBeUndefined();
      expect(hasErrors(diagnostics)).toBe(true);

      const expected = fixture.expected
        .map((e: ExpectedDiagnostic) => ({ ...e, file: `${prepared.prefix}/${e.file ?? "unit.json"}` }))
        .sort(byPlace);
      const actual = [...diagnostics].sort(byPlace);
      // Exactly these diagnostics, no more: every one at its code, file, pointer and line:column.
      expect(actual.map(where)).toEqual(expected.map(where));
      actual.forEach((d, i) => {
        const e = expected[i]!;
        expect(d.severity).toBe("error");
        expect(d.message.length).toBeGreaterThan(0);
        expect(d.message).not.toMatch(/^(Error|Oops)\b/i);
        if (e.messageIncludes) expect(d.message).toContain(e.messageIncludes);
        if (e.hintIncludes) expect(d.hint ?? "").toContain(e.hintIncludes);
      });
    } finally {
      await prepared.cleanup();
    }
  });
});

describe("valid fixtures (test/fixtures/units)", () => {
  it.each(validFixtures())("%s has no diagnostics at all", async (name) => {
    const diagnostics = await validateUnit(`test/fixtures/units/${name}`, { cwd: REPO_ROOT });
    expect(diagnostics).toEqual([]);
  });
});

describe("validateUnit never throws", () => {
  let context: BuildContext;
  let base: string;
  let fullText: string;
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), "skillpack-never-throws-"));
    context = createBuildContext({ cwd: base });
    await cp(join(VALID_DIR, "full"), join(base, "unit"), { recursive: true });
    fullText = await readFile(join(VALID_DIR, "full", "unit.json"), "utf8");
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  const check = async (text: string) => {
    await writeFile(join(base, "unit", "unit.json"), text);
    const diagnostics = await validateUnit("unit", { context });
    for (const d of diagnostics) {
      expect(d.code).toMatch(/^[A-Z_]+$/);
      expect(d.file.startsWith("unit/")).toBe(true);
    }
    return diagnostics;
  };

  it("for a path with no unit", async () => {
    const diagnostics = await validateUnit("no/such/unit", { cwd: base });
    expect(diagnostics.map((d) => d.code)).toEqual(["UNIT_NOT_FOUND"]);
  });

  it("for an empty file, a non-object and a file that is not UTF-8", async () => {
    expect((await check("")).map((d) => d.code)).toEqual(["INVALID_JSON"]);
    expect((await check("[]")).map((d) => d.code)).toEqual(["WRONG_TYPE"]);
    expect((await check("null")).map((d) => d.code)).toEqual(["WRONG_TYPE"]);
    await writeFile(join(base, "unit", "unit.json"), Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    expect((await validateUnit("unit", { context })).map((d) => d.code)).toEqual(["FILE_UNREADABLE"]);
  });

  it("for the full unit cut off anywhere", async () => {
    for (let end = 0; end < fullText.length; end += 97) {
      const diagnostics = await check(fullText.slice(0, end));
      expect(hasErrors(diagnostics)).toBe(true);
    }
  });

  it("for every value of the full unit replaced by null, a number, text or a list, or removed", async () => {
    const unit = JSON.parse(fullText) as unknown;
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      if (path.length) paths.push(path);
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
      else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    };
    walk(unit, []);
    const replacements: unknown[] = [null, 7, "x", [], undefined];
    let index = 0;
    for (const path of paths) {
      // Each path gets one replacement in turn, so the run stays short but covers every kind of value.
      const replacement = replacements[index++ % replacements.length];
      const copy = structuredClone(unit) as Record<string | number, unknown>;
      let parent = copy;
      for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
      const last = path[path.length - 1]!;
      if (replacement === undefined && !Array.isArray(parent)) delete parent[last];
      else parent[last] = replacement ?? null;
      await check(JSON.stringify(copy, null, 2));
    }
    expect(paths.length).toBeGreaterThan(300);
  });
});
