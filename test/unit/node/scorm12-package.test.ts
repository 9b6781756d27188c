import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUnit } from "../../../src/index.js";
import { CHECK_PACKAGE } from "../../helpers/ensure-chromium.js";

const UNIT = "test/fixtures/units/three-pages";

describe("SCORM 1.2 packaging", () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), "skillpack-scorm12-"));
  });
  afterAll(() => rm(out, { recursive: true, force: true }));

  it("lists every file of the package in the manifest and ships the four control files verbatim", async () => {
    const { packages, diagnostics } = await buildUnit(UNIT, { write: false });
    expect(diagnostics).toEqual([]);
    const files = packages[0]!.files;
    const manifest = String(files.get("imsmanifest.xml"));
    for (const path of files.keys()) {
      if (path === "imsmanifest.xml" || path.endsWith(".xsd")) continue;
      expect(manifest).toContain(`<file href="${path}"/>`);
    }
    expect([...files.keys()]).toEqual(expect.arrayContaining(["index.html", "player.js", "player.css", "media/assets/circle.svg"]));
    for (const xsd of ["imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd", "ims_xml.xsd"])
      expect(Buffer.from(files.get(xsd) as Uint8Array).equals(await readFile(join("../shared/conformance/xsd/scorm12", xsd)))).toBe(true);
    expect(manifest).toContain('adlcp:scormtype="sco" href="index.html"');
    // No quiz in this unit: no masteryscore, so Moodle's mastery override never touches its status.
    expect(manifest).not.toContain("masteryscore");
  });

  it("writes a zip that the conformance checker accepts", async () => {
    const { packages } = await buildUnit(UNIT, { outDir: out });
    expect(packages[0]!.path).toBe(join(out, "three-pages-en-scorm12.zip"));
    const check = spawnSync(CHECK_PACKAGE, [packages[0]!.path!], { encoding: "utf8" });
    expect(check.stdout).toContain("-> CONFORMANT");
    expect(check.status).toBe(0);
  });

  it("is deterministic: two builds of the same unit are byte-identical", async () => {
    const a = await buildUnit(UNIT, { outDir: join(out, "a") });
    const b = await buildUnit(UNIT, { outDir: join(out, "b") });
    const [za, zb] = await Promise.all([readFile(a.packages[0]!.path!), readFile(b.packages[0]!.path!)]);
    expect(za.length).toBeGreaterThan(1000);
    expect(za.equals(zb)).toBe(true);
  });

  it("leaves no temporary file behind", async () => {
    await buildUnit(UNIT, { outDir: join(out, "c") });
    expect(await readdir(join(out, "c"))).toEqual(["three-pages-en-scorm12.zip"]);
  });

  it("takes the masteryscore from the quiz's pass mark", async () => {
    const { packages } = await buildUnit("test/fixtures/units/mastery", { write: false });
    expect(String(packages[0]!.files.get("imsmanifest.xml"))).toContain("<adlcp:masteryscore>80</adlcp:masteryscore>");
  });
});
