import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";

describe("skillpack build --multilingual", () => {
  it("writes one package per unit holding every language, so learners can switch", async () => {
    const out = await mkdtemp(join(tmpdir(), "skillpack-multilingual-"));
    try {
      const run = spawnSync(process.execPath, ["dist/cli.js", "build", "test/fixtures/units/full", "--multilingual", "--out", out], { encoding: "utf8" });
      expect(run.status).toBe(0);
      expect((await readdir(out)).filter((f) => f.endsWith(".zip"))).toEqual(["full-en-lt-scorm12.zip"]);
      const zip = await JSZip.loadAsync(await readFile(join(out, "full-en-lt-scorm12.zip")));
      const html = await zip.file("index.html")!.async("string");
      const lt = JSON.parse(await readFile("test/fixtures/units/full/i18n/lt.json", "utf8"));
      const en = JSON.parse(await readFile("test/fixtures/units/full/unit.json", "utf8"));
      expect(html).toContain(en.sections[0].title);
      expect(html).toContain(lt[`${en.sections[0].id}.title`]);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
