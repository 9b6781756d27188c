// npm run bench: builds every unit × language × format the way a designer does (the CLI, in a fresh
// process), several times, and prints wall time, time per package, peak memory and sizes. The figures
// are also written to bench/results.json. Targets are printed beside the figures; nothing here fails.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const ROOT = resolve(import.meta.dirname, "..");
const CLI = join(ROOT, "dist", "cli.js");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MANY_UNITS = Number(process.env.BENCH_MANY_UNITS ?? 1000);
const FORMATS = (process.env.BENCH_FORMATS ?? "scorm12,xapi,cmi5").split(",");

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs the CLI in a fresh process; returns wall time and peak memory (via bench/report-rss.mjs). */
function runCli(args, cwd) {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ["--import", join(ROOT, "bench", "report-rss.mjs"), CLI, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, SKILLPACK_BENCH_RSS_FD: "3" },
    stdio: ["ignore", "pipe", "pipe", "pipe"],
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0) throw new Error(`skillpack ${args.join(" ")} failed:\n${child.stderr}`);
  const rss = JSON.parse(child.output[3].trim().split("\n").pop());
  return { wallMs, maxRssMb: rss.maxRssKb / 1024, stdout: child.stdout };
}

function buildEverything() {
  const out = mkdtempSync(join(tmpdir(), "skillpack-bench-"));
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(runCli(["build", "--quiet", "--force", "--format", FORMATS.join(","), "--out", out], ROOT));
  const zips = readdirSync(out).filter((f) => f.endsWith(".zip")).sort();
  const sizes = Object.fromEntries(zips.map((z) => [z, statSync(join(out, z)).size]));
  rmSync(out, { recursive: true, force: true });
  const wall = runs.map((r) => r.wallMs);
  return {
    packages: zips.length,
    runs: RUNS,
    wallMsMedian: median(wall),
    wallMsMin: Math.min(...wall),
    msPerPackage: median(wall) / Math.max(1, zips.length),
    peakRssMb: Math.max(...runs.map((r) => r.maxRssMb)),
    sizes,
  };
}

function runtimeSizes() {
  const read = (f) => readFileSync(join(ROOT, "dist", "runtime", f));
  const js = read("player.js");
  const css = read("player.css");
  const xapi = read("player-xapi.js");
  const size = (script) => ({ rawBytes: script.length + css.length, gzipBytes: gzipSync(script, { level: 9 }).length + gzipSync(css, { level: 9 }).length });
  return { scorm12: size(js), xapi: size(xapi) };
}

/** MANY_UNITS copies of the first unit (each with its own id), built in one run: memory must stay flat. */
function buildManyUnits() {
  const units = readdirSync(join(ROOT, "units"), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  if (!units.length) return undefined;
  const work = mkdtempSync(join(tmpdir(), "skillpack-bench-many-"));
  const source = join(ROOT, "units", units[0]);
  const unit = JSON.parse(readFileSync(join(source, "unit.json"), "utf8"));
  for (let i = 0; i < MANY_UNITS; i++) {
    const dir = join(work, "units", `u${i}`);
    cpSync(source, dir, { recursive: true });
    writeFileSync(join(dir, "unit.json"), JSON.stringify({ ...unit, id: `${unit.id}-${i}`.slice(0, 48) }));
  }
  const lang = unit.language;
  const run = runCli(["build", "--quiet", "--lang", lang, "--out", join(work, "out")], work);
  const zips = readdirSync(join(work, "out")).length;
  rmSync(work, { recursive: true, force: true });
  return { units: MANY_UNITS, language: lang, packages: zips, wallMs: run.wallMs, msPerUnit: run.wallMs / MANY_UNITS, peakRssMb: run.maxRssMb };
}

const results = { date: new Date().toISOString(), node: process.version, cpus: (await import("node:os")).cpus().length };
console.log(`skillpack bench — ${RUNS} runs, formats ${FORMATS.join(", ")}, node ${process.version}\n`);

results.build = buildEverything();
const b = results.build;
console.log(`All units: ${b.packages} packages in ${(b.wallMsMedian / 1000).toFixed(2)} s wall (median of ${b.runs}; best ${(b.wallMsMin / 1000).toFixed(2)} s)  target ≤ 1.5 s for 90`);
console.log(`  ${b.msPerPackage.toFixed(1)} ms per package, peak memory ${b.peakRssMb.toFixed(0)} MB`);
for (const [name, size] of Object.entries(b.sizes)) console.log(`  ${name.padEnd(48)} ${kb(size)}`);

results.runtime = runtimeSizes();
const r = results.runtime.scorm12;
console.log(`\nPlayer JS+CSS (SCORM 1.2): ${kb(r.rawBytes)} raw, ${kb(r.gzipBytes)} gzip  target ≤ 35 KB gzip`);
const x = results.runtime.xapi;
results.runtime.xapiLibrary = await (await import("./xapi-library-cost.mjs")).xapiLibraryCost(ROOT);
console.log(`Player JS+CSS (xAPI/cmi5): ${kb(x.rawBytes)} raw, ${kb(x.gzipBytes)} gzip  target ≤ 60 KB gzip (adapters + send queue: ${kb(x.gzipBytes - r.gzipBytes)} gzip)`);
console.log(`  @xapi/xapi with its http client would add ${kb(results.runtime.xapiLibrary.gzipBytes)} gzip (not shipped: its types only, fetch by hand)`);

const player = await import("./player-metrics.mjs");
results.suspendData = await player.worstCaseOverUnits(ROOT);
console.log(`Worst-case suspend_data (SCORM 1.2): largest ${results.suspendData.largest} chars over ${Object.keys(results.suspendData.perUnit).length} units  target ≤ 2000, limit 4096`);
results.firstPage = await player.timeToInteractive(ROOT).catch((error) => ({ error: String(error.message ?? error) }));
if (results.firstPage?.msMedian !== undefined) console.log(`Navigation → interactive first page in Chromium: ${results.firstPage.msMedian.toFixed(0)} ms (median of ${results.firstPage.loads}, ${results.firstPage.package})`);
else console.log(`Navigation → interactive first page: not measured (${results.firstPage?.error ?? "no unit"})`);

results.manyUnits = buildManyUnits();
if (results.manyUnits) {
  const m = results.manyUnits;
  console.log(`\n${m.units} units in one build (${m.language}): ${(m.wallMs / 1000).toFixed(1)} s, ${m.msPerUnit.toFixed(1)} ms per unit, peak memory ${m.peakRssMb.toFixed(0)} MB  target ≤ 500 MB`);
}

writeFileSync(join(ROOT, "bench", "results.json"), `${JSON.stringify(results, null, 2)}\n`);
console.log("\nWritten to bench/results.json");
