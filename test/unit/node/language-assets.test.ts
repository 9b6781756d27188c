// Pictures carry words: a unit may give each language its own file beside the source language's
// (assets/dot.svg, assets/dot.lt.svg). Each language's package shows and ships its own, and only its own.
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUnit } from "../../../src/index.js";

const LT_DOT = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="green"/><text x="1" y="9">Taškas</text></svg>';

describe("a picture in each language", () => {
  let unitDir: string;
  beforeAll(async () => {
    unitDir = await mkdtemp(join(tmpdir(), "skillpack-language-assets-"));
    await cp("test/fixtures/units/full", unitDir, { recursive: true });
    await writeFile(join(unitDir, "assets/dot.lt.svg"), LT_DOT);
  });
  afterAll(() => rm(unitDir, { recursive: true, force: true }));

  const filesOf = async (multilingual: boolean) => {
    const { packages, diagnostics } = await buildUnit(unitDir, { format: "xapi", write: false, multilingual });
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    return packages;
  };

  it("ships the Lithuanian drawing in the Lithuanian package, where the page and the badge point to it", async () => {
    const byLanguage = Object.fromEntries((await filesOf(false)).map((p) => [p.language, p.files]));
    const lt = byLanguage.lt!;
    const en = byLanguage.en!;
    expect(lt.has("media/assets/dot.lt.svg")).toBe(true);
    expect(lt.has("media/assets/dot.svg")).toBe(false);
    expect(String(lt.get("index.html"))).toContain('src="media/assets/dot.lt.svg"');
    expect(String(lt.get("index.html"))).not.toContain('src="media/assets/dot.svg"');
    // The image block and the "Calm voice" badge's icon.
    expect(String(lt.get("index.html")).split("media/assets/dot.lt.svg").length - 1).toBeGreaterThanOrEqual(2);
    expect(en.has("media/assets/dot.svg")).toBe(true);
    expect(en.has("media/assets/dot.lt.svg")).toBe(false);
    expect(String(en.get("index.html"))).not.toContain("dot.lt.svg");
  });

  it("carries both in a multilingual package, each language's page with its own", async () => {
    const [pkg] = await filesOf(true);
    expect(pkg!.files.has("media/assets/dot.svg")).toBe(true);
    expect(pkg!.files.has("media/assets/dot.lt.svg")).toBe(true);
  });

  it("checks a variant like any asset: an unsafe one stops the build at its block", async () => {
    await writeFile(join(unitDir, "assets/dot.lt.svg"), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    try {
      const { diagnostics } = await buildUnit(unitDir, { format: "xapi", write: false });
      const error = diagnostics.find((d) => d.severity === "error")!;
      expect(error.message).toContain("assets/dot.lt.svg");
      expect(error.pointer).toBe("/sections/0/blocks/1/src");
    } finally {
      await writeFile(join(unitDir, "assets/dot.lt.svg"), LT_DOT);
    }
  });
});
