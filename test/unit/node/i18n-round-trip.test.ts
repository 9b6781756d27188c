import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildUnit, loadUnit, validateUnit } from "../../../src/index.js";
import { exportTranslations } from "../../../src/node/i18n/i18n-export.js";
import { importTranslations } from "../../../src/node/i18n/i18n-import.js";

// A real CAT-tool edit: replace one <target> in the exported XLIFF.
const retarget = (xliff: string, key: string, text: string) =>
  xliff.replace(new RegExp(`(<unit id="${key.replace(/\./g, "\\.")}">[\\s\\S]*?<target>)[\\s\\S]*?(</target>)`), `$1${text}$2`);

describe("the translation round trip", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "skillpack-i18n-"));
    await cp("test/fixtures/units/full", dir, { recursive: true });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const load = async () => (await loadUnit(dir)).unit!;

  it("exports XLIFF 2.0 with the English source, a note per text and the existing translations", async () => {
    const { content, counts } = await exportTranslations(await load(), "lt", "xliff");
    expect(content).toContain('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="lt">');
    expect(content).toMatch(/<unit id="title">\s*<notes><note category="location">\/title<\/note>/);
    expect(counts.missing).toBe(0);
    expect(counts.current + counts.unknown).toBeGreaterThan(50);
  });

  it("brings an edited translation into the package", async () => {
    const { content } = await exportTranslations(await load(), "lt", "xliff");
    const report = await importTranslations(await load(), "full.lt.xlf", retarget(content, "title", "Naujas pavadinimas &amp; kita"), "lt");
    expect(report.updated).toContain("title");
    expect(report.missing).toEqual([]);
    const { packages } = await buildUnit(dir, { languages: ["lt"], write: false });
    expect(String(packages[0]!.files.get("index.html"))).toContain("<title>Naujas pavadinimas &amp; kita</title>");
  });

  it("keeps every translation when a section moves to another place", async () => {
    const unitFile = join(dir, "unit.json");
    const unit = JSON.parse(await readFile(unitFile, "utf8"));
    unit.sections.reverse();
    await writeFile(unitFile, JSON.stringify(unit, null, 2));
    expect((await validateUnit(dir)).filter((d) => d.severity === "error")).toEqual([]);
    const { counts } = await exportTranslations(await load(), "lt", "csv");
    expect(counts.missing).toBe(0);
  });

  it("marks a translation stale when its English changes, until it is translated again", async () => {
    const { content } = await exportTranslations(await load(), "lt", "xliff");
    await importTranslations(await load(), "full.lt.xlf", content, "lt"); // records which English each translation came from
    const unitFile = join(dir, "unit.json");
    const unit = JSON.parse(await readFile(unitFile, "utf8"));
    unit.title = "A changed English title";
    await writeFile(unitFile, JSON.stringify(unit, null, 2));
    const warnings = (await validateUnit(dir)).filter((d) => d.code === "STALE_TRANSLATION");
    expect(warnings.map((d) => d.pointer)).toEqual(["/title"]);
    const again = await exportTranslations(await load(), "lt", "xliff");
    expect(again.counts.stale).toBe(1);
    expect(again.content).toMatch(/<unit id="title">[\s\S]*?The English text has changed[\s\S]*?<segment state="initial">/);
    await importTranslations(await load(), "full.lt.xlf", retarget(again.content, "title", "Pakeistas pavadinimas"), "lt");
    expect((await validateUnit(dir)).filter((d) => d.code === "STALE_TRANSLATION")).toEqual([]);
  });

  it("round-trips CSV with commas, quotes and line breaks in the text", async () => {
    const { content } = await exportTranslations(await load(), "lt", "csv");
    const edited = content.replace(/^(title,[^\r\n]*?,)("(?:[^"]|"")*"|[^,\r\n]*)/m, '$1"Tekstas, su ""kabutėmis""\nir eilute"');
    const report = await importTranslations(await load(), "full.lt.csv", edited);
    expect(report.language).toBe("lt");
    const lt = JSON.parse(await readFile(join(dir, "i18n/lt.json"), "utf8"));
    expect(lt.title).toBe('Tekstas, su "kabutėmis"\nir eilute');
  });

  it("never drops a translation whose key the unit no longer has", async () => {
    const lt = JSON.parse(await readFile(join(dir, "i18n/lt.json"), "utf8"));
    lt["gone-block.title"] = "Senas tekstas";
    await writeFile(join(dir, "i18n/lt.json"), JSON.stringify(lt));
    const { content } = await exportTranslations(await load(), "lt", "xliff");
    await importTranslations(await load(), "full.lt.xlf", content, "lt");
    const after = JSON.parse(await readFile(join(dir, "i18n/lt.json"), "utf8"));
    expect(after["gone-block.title"]).toBe("Senas tekstas");
  });
});
