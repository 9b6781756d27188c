// Builds a unit the way the CLI does (buildUnit writes a real zip), then unzips it into a temp folder
// for the test LMS to serve: the browser plays exactly what an LMS admin would upload.
import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import JSZip from "jszip";
import { buildUnit, type BuildOptions } from "../../src/index.js";

export interface BuiltForTest {
  /** The folder holding the unzipped package. */
  dir: string;
  zipPath: string;
  cleanup(): Promise<void>;
}

/** Unzips a package into a folder, as an LMS does on upload. */
export async function unzipInto(zipBytes: Uint8Array, dir: string): Promise<void> {
  const zip = await JSZip.loadAsync(zipBytes);
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    const target = join(dir, name);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, await entry.async("uint8array"));
  }
}

export async function buildAndUnzip(unitPath: string, options: Omit<BuildOptions, "outDir" | "write"> & { language?: string } = {}): Promise<BuiltForTest> {
  const root = await mkdtemp(join(tmpdir(), "skillpack-test-"));
  const { language, ...rest } = options;
  const result = await buildUnit(unitPath, { ...rest, ...(language ? { languages: [language] } : {}), outDir: join(root, "zips") });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length) throw new Error(`the unit did not build: ${errors.map((d) => `${d.code} ${d.file}:${d.loc?.line} ${d.message}`).join("; ")}`);
  const pkg = result.packages[0]!;
  const dir = join(root, "package");
  await unzipInto(await readFile(pkg.path!), dir);
  return { dir, zipPath: pkg.path!, cleanup: () => rm(root, { recursive: true, force: true }) };
}
