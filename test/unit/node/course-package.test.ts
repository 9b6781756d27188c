import { spawnSync } from "node:child_process";
import { cp, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import JSZip from "jszip";
import { readFile } from "node:fs/promises";
import { buildAll } from "../../../src/index.js";
import { CHECK_PACKAGE } from "../../helpers/ensure-chromium.js";

const course = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    id: "soft-skills",
    version: "1.0.0",
    languages: ["en"],
    title: { en: "Soft skills for work" },
    description: { en: "Two units." },
    units: ["three-pages", "mastery"],
    ...overrides,
  });

describe("the course package", () => {
  let cwd: string;
  beforeEach(async () => {
    cwd = await mkdtemp(join(tmpdir(), "skillpack-course-"));
    await cp("test/fixtures/units/three-pages", join(cwd, "units/three-pages"), { recursive: true });
    await cp("test/fixtures/units/mastery", join(cwd, "units/mastery"), { recursive: true });
  });
  afterEach(() => rm(cwd, { recursive: true, force: true }));

  it("puts every unit in one SCORM 1.2 package as its own SCO, in course order, and one cmi5 course with an AU per unit", async () => {
    await writeFile(join(cwd, "units/course.json"), course());
    const result = await buildAll({ cwd, formats: ["scorm12", "cmi5"] });
    expect(result.diagnostics).toEqual([]);
    const names = (await readdir(join(cwd, "dist/packages"))).sort();
    expect(names).toContain("soft-skills-en-scorm12.zip");
    expect(names).toContain("soft-skills-en-cmi5.zip");
    const zip = await JSZip.loadAsync(await readFile(join(cwd, "dist/packages/soft-skills-en-scorm12.zip")));
    const manifest = await zip.file("imsmanifest.xml")!.async("string");
    const items = [...manifest.matchAll(/<item identifier="([^"]+)"/g)].map((m) => m[1]);
    expect(items).toEqual(["ITEM-SOFT-SKILLS-THREE-PAGES-EN", "ITEM-SOFT-SKILLS-MASTERY-EN"]);
    expect(manifest).toContain('href="three-pages/index.html"');
    expect(manifest).toContain('href="mastery/index.html"');
    // Each SCO keeps its own mastery score: only the unit with a quiz has one.
    expect(manifest.match(/<adlcp:masteryscore>/g)).toHaveLength(1);
    expect(zip.file("three-pages/media/assets/circle.svg")).not.toBeNull();
    const cmi5 = await (await JSZip.loadAsync(await readFile(join(cwd, "dist/packages/soft-skills-en-cmi5.zip")))).file("cmi5.xml")!.async("string");
    expect(cmi5.match(/<au /g)).toHaveLength(2);
    expect(cmi5).toContain('moveOn="CompletedAndPassed" masteryScore="0.8"');
    for (const name of ["soft-skills-en-scorm12.zip", "soft-skills-en-cmi5.zip"]) {
      const check = spawnSync(CHECK_PACKAGE, [join(cwd, "dist/packages", name)], { encoding: "utf8" });
      expect(check.stdout).toContain("-> CONFORMANT");
    }
  });

  it("refuses a course that names a missing unit or a language a unit is not written in, and writes nothing", async () => {
    await writeFile(join(cwd, "units/course.json"), course({ languages: ["en", "lt"], title: { en: "t", lt: "t" }, description: { en: "d", lt: "d" }, units: ["three-pages", "nowhere"] }));
    const result = await buildAll({ cwd });
    expect(result.diagnostics.map((d) => [d.code, d.pointer])).toEqual([
      ["DANGLING_REFERENCE", "/units/1"],
      ["LANGUAGE_NOT_IN_UNIT", "/units/0"],
    ]);
    await expect(readdir(join(cwd, "dist/packages"))).rejects.toThrow();
  });

  it("reports a course title missing in one of its languages", async () => {
    await writeFile(join(cwd, "units/course.json"), course({ languages: ["en"], title: { lt: "Kursas" } }));
    const result = await buildAll({ cwd });
    expect(result.diagnostics).toMatchObject([{ code: "MISSING_COURSE_TEXT", pointer: "/title", file: "units/course.json", loc: { line: 1 } }]);
  });
});
