import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The installed skillpack folder (holding templates/ and dist/runtime/). Found by walking up from this
 * module, because rollup may place it in dist/ or dist/chunks/, and tests run it from src/.
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "skillpack") return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("skillpack's package.json was not found above its own code; the installation is incomplete.");
    dir = parent;
  }
}

export const skillpackVersion = (): string =>
  (JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string }).version;
