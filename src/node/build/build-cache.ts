import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { packageRoot } from "../package-root.js";
import { writeFileAtomic } from "../package/zip-writer.js";
import type { BuildContext } from "./build-context.js";
import type { PackageSummary } from "./build-unit.js";
import type { CheckedUnit } from "./check-unit.js";

/**
 * The incremental build: what each unit's packages were built from, kept beside them. A unit whose
 * inputs (its files, the settings, skillpack's player and templates) are unchanged, and whose zips are
 * all still there, is not packaged again. Written last, so an interrupted build never marks work done.
 */
const CACHE_FILE = ".skillpack-cache.json";

interface CacheEntry {
  fingerprint: string;
  packages: { unitId: string; name: string; language: string; format: PackageSummary["format"] }[];
}

export interface BuildCache {
  /** The packages already built from exactly these inputs, or undefined when they must be built. */
  reuse(key: string, fingerprint: string): Promise<PackageSummary[] | undefined>;
  record(key: string, fingerprint: string, packages: PackageSummary[]): void;
  save(): Promise<void>;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)).sort();
}

/** What every package depends on besides its unit: skillpack's version, player and templates. */
export async function toolFingerprint(context: BuildContext): Promise<string> {
  const hash = createHash("sha256").update(context.version);
  const runtime = await context.runtime();
  for (const value of Object.values(runtime)) hash.update(String(value));
  for (const file of await filesUnder(join(packageRoot(), "templates"))) hash.update(file).update(await readFile(file));
  return hash.digest("hex");
}

/** A unit's inputs: its JSON and translations as written, and each asset's size and modification time. */
export async function unitFingerprint(checked: CheckedUnit, settings: string): Promise<string> {
  const hash = createHash("sha256").update(settings).update(checked.loaded.source.text);
  for (const [language, source] of [...checked.loaded.translations].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(language).update(source.text);
  for (const asset of checked.assets) {
    const info = await stat(asset.absolute);
    hash.update(`${asset.path}\0${info.size}\0${info.mtimeMs}`);
  }
  return hash.digest("hex");
}

export async function openBuildCache(outDir: string): Promise<BuildCache> {
  const path = join(outDir, CACHE_FILE);
  let entries: Record<string, CacheEntry> = {};
  try {
    entries = (JSON.parse(await readFile(path, "utf8")) as { entries?: Record<string, CacheEntry> }).entries ?? {};
  } catch {
    entries = {};
  }
  const next: Record<string, CacheEntry> = {};
  return {
    async reuse(key, fingerprint) {
      const entry = entries[key];
      if (!entry || entry.fingerprint !== fingerprint) return undefined;
      const found = await Promise.all(entry.packages.map(async (p) => ({ ...p, info: await stat(join(outDir, p.name)).catch(() => undefined) })));
      if (found.some((p) => !p.info?.isFile())) return undefined;
      next[key] = entry;
      return found.map((p) => ({ unitId: p.unitId, language: p.language, format: p.format, name: p.name, path: join(outDir, p.name), size: p.info!.size }));
    },
    record(key, fingerprint, packages) {
      next[key] = { fingerprint, packages: packages.map((p) => ({ unitId: p.unitId, name: p.name, language: p.language, format: p.format })) };
    },
    async save() {
      await writeFileAtomic(path, Buffer.from(`${JSON.stringify({ entries: { ...entries, ...next } }, null, 1)}\n`));
    },
  };
}
