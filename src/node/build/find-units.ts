import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { UNIT_FILE } from "../load/load-unit.js";

/**
 * The unit folders to work on: the paths given, or every folder under units/ that holds a unit.json,
 * in name order so output and builds are stable.
 */
export async function findUnits(paths: readonly string[], cwd: string): Promise<string[]> {
  if (paths.length) return paths.map((p) => resolve(cwd, p));
  const root = resolve(cwd, "units");
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const folders = entries.filter((e) => e.isDirectory()).map((e) => join(root, e.name)).sort();
  const withUnit = await Promise.all(folders.map(async (f) => ((await stat(join(f, UNIT_FILE)).catch(() => undefined))?.isFile() ? f : undefined)));
  return withUnit.filter((f): f is string => f !== undefined);
}
