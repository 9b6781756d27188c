// vitest globalSetup: make sure the system tools the tests drive are installed before any test
// runs. On a fresh Debian CI box (root + apt) it installs them; elsewhere it fails with a
// one-line fix. It never skips silently: a skipped browser test looks like a passing one.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromiumPath } from "./launch-chromium.js";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The shared conformance checker; it shells out to xmllint for the XSD checks. */
export const CHECK_PACKAGE = path.resolve(REPO_ROOT, "../shared/conformance/check-package");

const CHROMIUM_HINT =
  "Chromium is needed for the browser tests: run `sudo apt-get install -y chromium` (Debian/Ubuntu) or set SKILLPACK_CHROMIUM to a Chromium binary.";
const XMLLINT_HINT = `xmllint is needed by the conformance checker ${CHECK_PACKAGE}: run \`sudo apt-get install -y libxml2-utils\` (Debian/Ubuntu).`;

interface Tool {
  what: string;
  present(): boolean;
  aptPackage: string;
  hint: string;
}

const hasXmllint = (): boolean => spawnSync("xmllint", ["--version"], { stdio: "ignore" }).status === 0;
const hasPdftoppm = (): boolean => spawnSync("pdftoppm", ["-v"], { stdio: "ignore" }).status === 0;

function canApt(): boolean {
  return process.getuid?.() === 0 && spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0;
}

function apt(args: string[]): void {
  console.log(`[ensure-chromium] running: apt-get ${args.join(" ")}`);
  const run = spawnSync("apt-get", args, {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (run.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed with exit code ${run.status ?? run.signal}`);
}

export default function ensureTools(): void {
  // The conformance kit travels beside the repository (../shared), never inside it: nothing to install.
  if (!existsSync(CHECK_PACKAGE))
    throw new Error(`The conformance checker is missing at ${CHECK_PACKAGE}: run the tests from a checkout with the project's shared/ folder beside it.`);
  const chromium = chromiumPath();
  if (process.env.SKILLPACK_CHROMIUM && !existsSync(chromium)) {
    // apt can't help: the user pointed at a specific binary that isn't there.
    throw new Error(`SKILLPACK_CHROMIUM is set to ${chromium}, which does not exist. ${CHROMIUM_HINT}`);
  }
  const tools: Tool[] = [
    { what: chromium, present: () => existsSync(chromium), aptPackage: "chromium", hint: CHROMIUM_HINT },
    { what: "xmllint", present: hasXmllint, aptPackage: "libxml2-utils", hint: XMLLINT_HINT },
    { what: "pdftoppm", present: hasPdftoppm, aptPackage: "poppler-utils", hint: "pdftoppm renders the notebook PDF in the tests: run `sudo apt-get install -y poppler-utils` (Debian/Ubuntu)." },
  ];
  const missing = tools.filter((tool) => !tool.present());
  if (missing.length === 0) return;
  if (!canApt()) throw new Error(missing.map((tool) => tool.hint).join(" "));

  const packages = missing.map((tool) => tool.aptPackage);
  console.log(`[ensure-chromium] ${missing.map((tool) => tool.what).join(" and ")} missing; installing ${packages.join(" ")} with apt-get`);
  apt(["update"]);
  apt(["install", "-y", ...packages]);
  const stillMissing = missing.filter((tool) => !tool.present());
  if (stillMissing.length > 0) throw new Error(stillMissing.map((tool) => tool.hint).join(" "));
}
