// The command line as a designer meets it: exit codes 0 / 1 / 2, diagnostics on stderr with file:line:col,
// no stack traces, and nothing written when a unit has errors.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invalidFixtures, prepareFixture, REPO_ROOT } from "../fixtures/invalid/fixtures.js";

const CLI = join(REPO_ROOT, "dist", "cli.js");

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

const cli = (args: string[], cwd = REPO_ROOT): Promise<Run> => {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete env.FORCE_COLOR;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", fail);
    child.on("close", (status) => done({ status, stdout, stderr }));
  });
};

/** A stack frame line as Node prints it. */
const STACK_FRAME = /^\s{4}at /m;

let scratch: string;

beforeAll(async () => {
  // `npm test` builds first; a bare `vitest run` on a fresh clone builds here.
  if (!existsSync(CLI)) {
    const build = spawnSync("npm", ["run", "build"], { cwd: REPO_ROOT, encoding: "utf8", shell: process.platform === "win32" });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
  }
  scratch = await mkdtemp(join(tmpdir(), "skillpack-cli-"));
});

afterAll(() => rm(scratch, { recursive: true, force: true }));

describe("build of an invalid unit", () => {
  // Each case spawns its own process: run them side by side.
  it.concurrent.for(invalidFixtures().map((f) => [f.name, f] as const))("%s: exits 1, says where, writes nothing", async ([name, fixture], { expect }) => {
    const prepared = await prepareFixture(fixture);
    try {
      const out = join(scratch, `out-${name}`);
      const run = await cli(["build", prepared.path, "--out", out], prepared.cwd);
      expect(run.status, run.stderr).toBe(1);
      for (const e of fixture.expected) {
        expect(run.stderr).toContain(e.code);
        const file = `${prepared.prefix}/${e.file ?? "unit.json"}`;
        expect(run.stderr).toContain(e.loc ? `${file}:${e.loc.line}:${e.loc.column}` : file);
      }
      expect(run.stderr).not.toMatch(STACK_FRAME);
      expect(run.stderr).toContain("Nothing was written");
      expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    } finally {
      await prepared.cleanup();
    }
  });
});

describe("exit codes and output", () => {
  it("validate of the full fixture exits 0 and prints no diagnostics", async () => {
    const run = await cli(["validate", "test/fixtures/units/full"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("test/fixtures/units/full");
  });

  it("validate of an invalid unit exits 1", async () => {
    const run = await cli(["validate", "test/fixtures/invalid/wrong-type-hours"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("WRONG_TYPE test/fixtures/invalid/wrong-type-hours/unit.json:8:12 /hours");
  });

  it("an unknown command exits 2 with a usage hint", async () => {
    const run = await cli(["bulid", "test/fixtures/units/full"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown command "bulid"');
    expect(run.stderr).toContain("--help");
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it("an unknown flag exits 2 with a usage hint", async () => {
    const run = await cli(["build", "test/fixtures/units/full", "--frobnicate"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--frobnicate");
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it("an unknown format exits 2", async () => {
    const run = await cli(["build", "test/fixtures/units/full", "--format", "scorm2004", "--out", join(scratch, "never")]);
    expect(run.status).toBe(2);
    expect(existsSync(join(scratch, "never"))).toBe(false);
  });

  it("--version prints the version from package.json", async () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { version: string };
    const run = await cli(["--version"]);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(version);
  });

  it("build of the full fixture writes one zip per language", async () => {
    const out = join(scratch, "full");
    const run = await cli(["build", "test/fixtures/units/full", "--out", out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe("");
    // Beside the zips, only the incremental build's record of what they were built from.
    expect(readdirSync(out).sort()).toEqual([".skillpack-cache.json", "full-en-scorm12.zip", "full-lt-scorm12.zip"]);
    for (const zip of readdirSync(out).filter((f) => f.endsWith(".zip"))) expect(readFileSync(join(out, zip)).subarray(0, 4)).toEqual(Buffer.from("PK\u0003\u0004", "latin1"));
  });
});
