// Property-based fuzzing of the validator (issue: hardening). Every generated unit must come back as
// diagnostics — never a throw, never a hang — and every diagnostic must be one a designer can act on.
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadUnit } from "../../src/index.js";
import { createBuildContext, type BuildContext } from "../../src/node/build/build-context.js";
import { checkUnit } from "../../src/node/build/check-unit.js";
import { parseJsonSource } from "../../src/node/load/json-source.js";
import type { Diagnostic } from "../../src/shared/diagnostic.js";

const FIXTURE = "test/fixtures/units/full";
const SOURCE = readFileSync(join(FIXTURE, "unit.json"), "utf8");
const BASE = JSON.parse(SOURCE) as unknown;
const CASES = Number(process.env.SKILLPACK_FUZZ_CASES ?? 10_000);
/** Per case: a slow validator on hostile input is a denial of service for a preview server. */
const CASE_LIMIT_MS = 2_000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value in the unit, to mutate one at a time. */
function paths(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}
const ALL_PATHS = paths(BASE).filter((p) => p.length > 0);
const valueAt = (path: (string | number)[]) => path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], BASE);
const OBJECT_PATHS = paths(BASE).filter((p) => { const v = valueAt(p); return v !== null && typeof v === "object" && !Array.isArray(v); });

function mutate(unit: unknown, path: (string | number)[], edit: (parent: Record<string | number, unknown>, key: string | number) => void): unknown {
  const copy = structuredClone(unit) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  edit(parent, path[path.length - 1]!);
  return copy;
}

const oddText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("", " ", "\u202e\u0000", "\ud800", "𝕏".repeat(300), "a".repeat(70_000), "../../etc/passwd", "C:\\x.png", "<script>alert(1)</script>", "{{constructor}}", "é\u0301\u0301\u0301"),
);
const jsonValue: fc.Arbitrary<Json> = fc.oneof(
  { depthSize: "small" },
  oddText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
);
// Built as text: JSON.stringify itself overflows the stack on such depths.
const deepText = (n: number) => `${'{"a":['.repeat(n)}"x"${"]}".repeat(n)}`;

/** A mutated unit as JSON text: a value replaced, a key removed or added, deep nesting, or broken text. */
const mutatedText = fc.oneof(
  fc.tuple(fc.constantFrom(...ALL_PATHS), jsonValue).map(([path, value]) => JSON.stringify(mutate(BASE, path, (p, k) => (p[k] = value)))),
  fc.constantFrom(...ALL_PATHS).map((path) => JSON.stringify(mutate(BASE, path, (p, k) => (Array.isArray(p) ? p.splice(Number(k), 1) : delete p[k])))),
  fc.tuple(fc.constantFrom(...OBJECT_PATHS), oddText, jsonValue).map(([path, key, value]) => {
    const copy = structuredClone(BASE) as Record<string, unknown>;
    (path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], copy) as Record<string, unknown>)[key] = value;
    return JSON.stringify(copy);
  }),
  fc.integer({ min: 50, max: 100_000 }).map((depth) => JSON.stringify({ ...(BASE as object), sections: "HOLE" }).replace('"HOLE"', deepText(depth))),
  fc.integer({ min: 0, max: SOURCE.length }).map((cut) => SOURCE.slice(0, cut)),
  fc.tuple(fc.integer({ min: 0, max: SOURCE.length }), fc.string({ maxLength: 5 })).map(([at, junk]) => SOURCE.slice(0, at) + junk + SOURCE.slice(at)),
  fc.constant(SOURCE.replace(/\n/g, "\r\n")),
  fc.constant(`\uFEFF${SOURCE}`),
  fc.constant(SOURCE.replace('"id": "full"', '"id": "full", "id": "again"')),
);

function checkDiagnostics(list: readonly Diagnostic[], text: string): void {
  for (const d of list) {
    expect(d.code).toMatch(/^[A-Z_]+$/);
    expect(d.message.length).toBeGreaterThan(10);
    expect(typeof d.pointer).toBe("string");
    if (d.loc) {
      expect(d.loc.line).toBeGreaterThanOrEqual(1);
      expect(d.loc.line).toBeLessThanOrEqual(text.split("\n").length + 1);
    }
  }
}

describe("fuzzing the validator", () => {
  let dir: string;
  let context: BuildContext;
  const figures = { cases: 0, crashes: 0, slowest: 0, invalid: 0 };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "skillpack-fuzz-"));
    await cp(FIXTURE, dir, { recursive: true });
    context = createBuildContext({ cwd: dir });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    console.log(`fuzz: ${figures.cases} units run, ${figures.crashes} crashes, ${figures.invalid} reported invalid, slowest ${figures.slowest.toFixed(0)} ms`);
  });

  it(`answers ${CASES} generated units with diagnostics: no throw, no hang`, async () => {
    await fc.assert(
      fc.asyncProperty(mutatedText, async (text) => {
        figures.cases++;
        const started = performance.now();
        let found: Diagnostic[];
        try {
          const parsed = parseJsonSource("unit.json", text);
          found = parsed.diagnostics;
          if (parsed.source) {
            const checked = await checkUnit({ dir, source: parsed.source, translations: new Map(), cwd: dir }, context);
            found = [...found, ...checked.diagnostics];
          }
        } catch (error) {
          figures.crashes++;
          throw error;
        }
        const took = performance.now() - started;
        figures.slowest = Math.max(figures.slowest, took);
        if (found.some((d) => d.severity === "error")) figures.invalid++;
        expect(took).toBeLessThan(CASE_LIMIT_MS);
        checkDiagnostics(found, text);
      }),
      { numRuns: CASES, seed: 20261125 },
    );
    expect(figures.crashes).toBe(0);
    // The generators must really produce broken units, or this test proves nothing.
    expect(figures.invalid).toBeGreaterThan(CASES / 2);
  }, 600_000);

  it("reads raw bytes the way a designer's editor might save them: invalid UTF-8, BOM, CRLF, empty", async () => {
    const samples: Buffer[] = [
      Buffer.from([0xff, 0xfe, 0x00, 0x7b]),
      Buffer.concat([Buffer.from(SOURCE.slice(0, 200)), Buffer.from([0xc3, 0x28]), Buffer.from(SOURCE.slice(200))]),
      Buffer.from(`\uFEFF${SOURCE.replace(/\n/g, "\r\n")}`),
      Buffer.alloc(0),
      Buffer.from("   \n\t  "),
    ];
    for (const bytes of samples) {
      await writeFile(join(dir, "unit.json"), bytes);
      const result = await loadUnit(dir, { cwd: dir });
      for (const d of result.diagnostics) expect(d.code).toMatch(/^(FILE_UNREADABLE|INVALID_JSON)$/);
    }
  });
});
