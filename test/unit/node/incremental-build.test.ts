import { cp, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildAll } from "../../../src/index.js";

describe("the incremental build", () => {
  let cwd: string;
  beforeEach(async () => {
    cwd = await mkdtemp(join(tmpdir(), "skillpack-incremental-"));
    await cp("test/fixtures/units/three-pages", join(cwd, "units/three-pages"), { recursive: true });
    await cp("test/fixtures/units/mastery", join(cwd, "units/mastery"), { recursive: true });
  });
  afterEach(() => rm(cwd, { recursive: true, force: true }));

  const zipTime = async (name: string) => (await stat(join(cwd, "dist/packages", name))).mtimeMs;

  it("after one edit, packages only the unit that changed", async () => {
    const first = await buildAll({ cwd });
    expect(first.cached).toBe(0);
    const [pages, mastery] = await Promise.all([zipTime("three-pages-en-scorm12.zip"), zipTime("mastery-en-scorm12.zip")]);
    const again = await buildAll({ cwd });
    expect(again.cached).toBe(2);
    expect(again.packages.map((p) => p.name).sort()).toEqual(first.packages.map((p) => p.name).sort());
    const file = join(cwd, "units/mastery/unit.json");
    await writeFile(file, (await readFile(file, "utf8")).replace("A unit with a quiz", "A unit with a changed title"));
    const afterEdit = await buildAll({ cwd });
    expect(afterEdit.cached).toBe(1);
    expect(await zipTime("three-pages-en-scorm12.zip")).toBe(pages);
    expect(await zipTime("mastery-en-scorm12.zip")).toBeGreaterThan(mastery);
  });

  it("builds again when a zip was deleted, when the settings change, or when asked to", async () => {
    await buildAll({ cwd });
    await rm(join(cwd, "dist/packages/mastery-en-scorm12.zip"));
    expect((await buildAll({ cwd })).cached).toBe(1);
    await expect(stat(join(cwd, "dist/packages/mastery-en-scorm12.zip"))).resolves.toBeTruthy();
    expect((await buildAll({ cwd, activityBase: "https://learning.example.org/xapi/" })).cached).toBe(0);
    expect((await buildAll({ cwd, force: true })).cached).toBe(0);
  });
});
