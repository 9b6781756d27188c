import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import JSZip from "jszip";
import { STORED_UNCOMPRESSED } from "../resolve/asset-rules.js";
import { sortedEntries, type FileMap } from "./file-map.js";

/** Every entry gets this date: a zip built twice from the same unit is byte-identical. */
const FIXED_DATE = new Date(Date.UTC(2020, 0, 1, 0, 0, 0));

/** Zips a file map; media that is already compressed is stored as is, which saves time and nothing else. */
export async function zipFiles(files: FileMap): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [path, content] of sortedEntries(files)) {
    const extension = path.slice(path.lastIndexOf(".") + 1).toLowerCase();
    zip.file(path, content, {
      date: FIXED_DATE,
      createFolders: false,
      binary: typeof content !== "string",
      compression: STORED_UNCOMPRESSED.has(extension) ? "STORE" : "DEFLATE",
      unixPermissions: 0o644,
    });
  }
  return zip.generateAsync({ type: "uint8array", platform: "UNIX", compressionOptions: { level: 6 } });
}

/** Writes beside the target, then renames: a reader never sees half a zip, and a failed build leaves none. */
export async function writeFileAtomic(path: string, data: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
