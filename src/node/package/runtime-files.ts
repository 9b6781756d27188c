import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { packageRoot } from "../package-root.js";

/** The player's script and stylesheet as rollup built them, read once per build. */
export interface RuntimeFiles {
  "player.js": string;
  "player.css": string;
}

export class RuntimeNotBuiltError extends Error {}

export async function loadRuntimeFiles(): Promise<RuntimeFiles> {
  const dir = join(packageRoot(), "dist", "runtime");
  try {
    const [js, css] = await Promise.all([readFile(join(dir, "player.js"), "utf8"), readFile(join(dir, "player.css"), "utf8")]);
    return { "player.js": js, "player.css": css };
  } catch {
    throw new RuntimeNotBuiltError(`The player runtime is missing from ${dir}; run "npm run build" in the skillpack folder first.`);
  }
}
