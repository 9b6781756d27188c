import { watch } from "node:fs";
import { relative, resolve } from "node:path";
import { buildAll, type BuildProgress } from "../node/build/build-all.js";
import { createBuildContext } from "../node/build/build-context.js";
import { findUnits } from "../node/build/find-units.js";
import { validateUnit } from "../node/build/validate-unit.js";
import { OUTPUTS, type OutputFormat } from "../node/package/package-format.js";
import { findChromium } from "../node/notebook/print-pdf.js";
import { hasErrors } from "../shared/diagnostic.js";
import { formatSize, printDiagnostics, type Output } from "./report.js";
import { UsageError } from "./usage-error.js";

export interface CommandOptions {
  paths: string[];
  formats?: string[];
  languages?: string[];
  out?: string;
  activityBase?: string;
  pdf?: boolean;
  force?: boolean;
  multilingual?: boolean;
  watch?: boolean;
  /** Set on rebuilds in watch mode: a shorter report. */
  watching?: boolean;
  cwd: string;
}

function checkFormats(formats: string[] | undefined): OutputFormat[] | undefined {
  const unknown = (formats ?? []).filter((f) => !(OUTPUTS as readonly string[]).includes(f));
  if (unknown.length) throw new UsageError(`unknown format ${unknown.map((f) => `"${f}"`).join(", ")}: use ${OUTPUTS.join(", ")}.`);
  return formats as OutputFormat[] | undefined;
}

function checkActivityBase(base: string): string {
  if (!/^https?:\/\/[^\s/]+\/\S*$/.test(base)) throw new UsageError(`--activity-base must be an http(s) IRI your organisation controls, e.g. https://learning.example.org/xapi/; got "${base}".`);
  return base;
}

async function unitFolders(options: CommandOptions): Promise<string[]> {
  const folders = await findUnits(options.paths, options.cwd);
  if (!folders.length) throw new UsageError(`no units found: there is no folder with a unit.json under ${relative(options.cwd, `${options.cwd}/units`) || "units"}/. Give a unit folder, e.g. skillpack build units/communication.`);
  return folders;
}

/** skillpack validate: every problem of every unit, nothing written. Returns the exit code. */
export async function validateCommand(options: CommandOptions, output: Output): Promise<number> {
  const folders = await unitFolders(options);
  const context = createBuildContext({ cwd: options.cwd });
  const all = [];
  for (const folder of folders) {
    const diagnostics = await validateUnit(folder, { context });
    all.push(...diagnostics);
    if (!output.quiet) output.out(`${hasErrors(diagnostics) ? "✗" : "✓"} ${relative(options.cwd, folder) || "."}`);
  }
  printDiagnostics(all, output, options.cwd);
  return hasErrors(all) ? 1 : 0;
}

/** skillpack build: check every unit, then write every package, or write nothing. Returns the exit code. */
/** One build, as the CLI reports it. Returns the exit code. */
async function buildOnce(options: CommandOptions, formats: OutputFormat[] | undefined, output: Output): Promise<number> {
  const started = performance.now();
  const onProgress = ({ done, total, name, packages, cached }: BuildProgress) => {
    // One unit is not a long build: its summary says all there is.
    if (output.quiet || total < 2) return;
    const line = `[${done}/${total}] ${name}: ${packages.length} package${packages.length === 1 ? "" : "s"}${cached ? " (up to date)" : ""}`;
    if (output.status) output.status(done === total ? "" : line);
    else output.err(line);
  };
  const result = await buildAll({
    onProgress, paths: options.paths, pdf: options.pdf ?? false, force: options.force ?? false, multilingual: options.multilingual ?? false, cwd: options.cwd, outDir: options.out ?? "dist/packages",
    ...(formats ? { formats } : {}), ...(options.languages ? { languages: options.languages } : {}), ...(options.activityBase ? { activityBase: checkActivityBase(options.activityBase) } : {}),
  });
  printDiagnostics(result.diagnostics, output, options.cwd);
  if (hasErrors(result.diagnostics)) {
    output.err("Nothing was written: fix the errors above and build again.");
    return 1;
  }
  if (!output.quiet) {
    if (!options.watching) for (const pkg of result.packages) output.out(`  ${relative(options.cwd, pkg.path!)}  ${formatSize(pkg.size!)}`);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const upToDate = result.cached ? ` (${result.cached} already up to date)` : "";
    output.out(`Built ${result.packages.length} package${result.packages.length === 1 ? "" : "s"} from ${result.units} unit${result.units === 1 ? "" : "s"} in ${seconds} s${upToDate}.`);
  }
  return 0;
}

/** skillpack build: check every unit, then write every package, or write nothing. With --watch, again after each change. */
export async function buildCommand(options: CommandOptions, output: Output): Promise<number> {
  const formats = checkFormats(options.formats);
  await unitFolders(options); // a clear usage error when there is nothing to build
  if (options.pdf && !formats?.includes("notebook")) throw new UsageError("--pdf goes with --format notebook.");
  if (options.pdf && !findChromium()) throw new UsageError("--pdf needs Chromium: install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set SKILLPACK_CHROMIUM.");
  const code = await buildOnce(options, formats, output);
  if (!options.watch) return code;
  const roots = options.paths.length ? options.paths.map((p) => resolve(options.cwd, p)) : [resolve(options.cwd, "units")];
  output.out(`Watching ${roots.map((r) => relative(options.cwd, r) || ".").join(", ")}: packages are rebuilt when you save (only the units that changed). Ctrl+C to stop.`);
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve(0);
  // An editor's save is often several writes: build once they settle, and never two builds at once.
  const watchers = roots.map((root) =>
    watch(root, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => (running = running.then(() => buildOnce({ ...options, watching: true }, formats, output))), 200);
    }),
  );
  await new Promise<void>((stop) => {
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  for (const w of watchers) w.close();
  clearTimeout(timer);
  await running;
  return 0;
}
