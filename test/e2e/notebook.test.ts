import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAll } from "../../src/index.js";

describe("the printable notebook", () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), "skillpack-notebook-"));
  });
  afterAll(() => rm(out, { recursive: true, force: true }));

  it("is one self-contained HTML file per language with every reflection prompt and room to write", async () => {
    const result = await buildAll({ paths: ["test/fixtures/units/full"], formats: ["notebook"], outDir: out });
    expect(result.diagnostics).toEqual([]);
    expect((await readdir(out)).filter((f) => !f.startsWith(".")).sort()).toEqual(["full-en-notebook.html", "full-lt-notebook.html"]);
    const html = await readFile(join(out, "full-lt-notebook.html"), "utf8");
    const unit = JSON.parse(await readFile("test/fixtures/units/full/i18n/lt.json", "utf8"));
    const prompts = Object.entries(unit).filter(([key]) => /\.prompt$/.test(key) && !/^q/.test(key));
    expect(prompts.length).toBeGreaterThan(0);
    for (const [, prompt] of prompts) expect(html).toContain(String(prompt).replace(/&/g, "&amp;").replace(/</g, "&lt;"));
    expect(html).toContain('class="lines"');
    expect(html).not.toMatch(/<script/i);
    // Pictures travel inside the file, so it prints and mails as one.
    expect(html).toMatch(/<img src="data:image\/svg\+xml;base64,/);
    expect(html).not.toMatch(/src="(?!data:)/);
  });

  it("prints to a PDF that renders, with --pdf", async () => {
    const pdfOut = join(out, "pdf");
    await buildAll({ paths: ["test/fixtures/units/full"], formats: ["notebook"], languages: ["en"], outDir: pdfOut, pdf: true });
    const pdf = join(pdfOut, "full-en-notebook.pdf");
    const render = spawnSync("pdftoppm", ["-r", "30", "-png", pdf, join(pdfOut, "page")], { encoding: "utf8" });
    expect(render.status).toBe(0);
    const pages = (await readdir(pdfOut)).filter((f) => f.startsWith("page") && f.endsWith(".png"));
    expect(pages.length).toBeGreaterThan(1);
  });
});
