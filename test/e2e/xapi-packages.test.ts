// Every unit of the course, built as xAPI and cmi5 packages in every language, passes the conformance
// checker; and each format carries its own player: the xAPI/cmi5 one with the network adapters and the
// send queue, the SCORM one without them, each within its size budget.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUnit } from "../../src/index.js";
import { CHECK_PACKAGE } from "../helpers/ensure-chromium.js";

const gz = (text: string | Uint8Array) => gzipSync(typeof text === "string" ? Buffer.from(text) : text, { level: 9 }).length;

describe("xAPI and cmi5 packages", () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), "skillpack-xapi-packages-"));
  });
  afterAll(() => rm(out, { recursive: true, force: true }));

  it("pass check-package for every unit, format and language", async () => {
    const units = (await readdir("units")).filter((u) => existsSync(join("units", u, "unit.json")));
    expect(units.length).toBeGreaterThanOrEqual(1);
    const zips: string[] = [];
    for (const unit of [...units.map((u) => join("units", u)), "test/fixtures/units/full"])
      for (const format of ["xapi", "cmi5"] as const) {
        const { packages, diagnostics } = await buildUnit(unit, { format, outDir: out });
        expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        zips.push(...packages.map((p) => p.path!));
      }
    for (const zip of zips) {
      const check = spawnSync(CHECK_PACKAGE, [zip], { encoding: "utf8" });
      expect(`${zip}\n${check.stdout}`).toContain("-> CONFORMANT");
      expect(check.status).toBe(0);
    }
  }, 180_000);

  it("ship the xAPI player, and SCORM packages the smaller one without it, each within budget", async () => {
    const files = async (format: "scorm12" | "xapi" | "cmi5") => (await buildUnit("test/fixtures/units/full", { format, write: false, languages: ["en"] })).packages[0]!.files;
    const [scorm, xapi, cmi5] = await Promise.all([files("scorm12"), files("xapi"), files("cmi5")]);
    const [scormJs, xapiJs] = [String(scorm.get("player.js")), String(xapi.get("player.js"))];
    expect(String(cmi5.get("player.js"))).toBe(xapiJs);
    expect(xapiJs).toBe(await readFile("dist/runtime/player-xapi.js", "utf8"));
    expect(scormJs).toBe(await readFile("dist/runtime/player.js", "utf8"));
    // The network adapters' own words: the State API path, cmi5's category, the outbox key.
    for (const marker of ["activities/state", "w3id.org/xapi/cmi5/context/categories/cmi5", "skillpack:outbox:"]) {
      expect(xapiJs).toContain(marker);
      expect(scormJs).not.toContain(marker);
    }
    const css = String(scorm.get("player.css"));
    expect(gz(scormJs) + gz(css)).toBeLessThan(35 * 1024);
    expect(gz(xapiJs) + gz(css)).toBeLessThan(60 * 1024);
  });
});
