import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { packageRoot } from "../package-root.js";

/** The player's scripts and stylesheet as rollup built them, read once per build. */
export interface RuntimeFiles {
  "player.js": string;
  /** The player with the xAPI and cmi5 adapters and the send queue: what xapi and cmi5 packages ship as player.js. */
  "player-xapi.js": string;
  "player.css": string;
}

/** The script a format's packages carry as player.js: SCORM's stays small, without the network adapters. */
export const playerScriptFor = (formatId: string): "player.js" | "player-xapi.js" => (formatId === "scorm12" ? "player.js" : "player-xapi.js");

export class RuntimeNotBuiltError extends Error {}

export async function loadRuntimeFiles(): Promise<RuntimeFiles> {
  const dir = join(packageRoot(), "dist", "runtime");
  try {
    const [js, xapiJs, css] = await Promise.all(["player.js", "player-xapi.js", "player.css"].map((name) => readFile(join(dir, name), "utf8")));
    return { "player.js": js!, "player-xapi.js": xapiJs!, "player.css": css! };
  } catch {
    throw new RuntimeNotBuiltError(`The player runtime is missing from ${dir}; run "npm run build" in the skillpack folder first.`);
  }
}
