import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { promisify } from "node:util";
import { constants, crc32, deflateRaw } from "node:zlib";
import JSZip from "jszip";
import CompressedObject from "jszip/lib/compressedObject.js";
import { DEFLATE, STORE } from "jszip/lib/compressions.js";
import { STORED_UNCOMPRESSED } from "../resolve/asset-rules.js";
import { sortedEntries, type FileMap } from "./file-map.js";

const deflate = promisify(deflateRaw);

/** Every entry gets this date: a zip built twice from the same unit is byte-identical. */
const FIXED_DATE = new Date(Date.UTC(2020, 0, 1, 0, 0, 0));

type Content = Uint8Array | string;

/**
 * Compresses each distinct file content once per build. jszip assembles the zips, but its own deflate
 * runs in JavaScript on one thread; Node's zlib is native and runs on the libuv pool, so the packages of
 * a build compress on every core. The player, the SCORM control files and a unit's media recur in
 * many packages and are compressed only the first time.
 */
export interface ZipCompressor {
  entry(path: string, content: Content): Promise<CompressedObject>;
}

const isStored = (path: string) => STORED_UNCOMPRESSED.has(path.slice(path.lastIndexOf(".") + 1).toLowerCase());

/**
 * Text that recurs (the player, the manifests' shared parts) is used by every package; a page is used
 * once. So the text cache keeps the most recently used entries only, and memory stays flat however
 * many units a build has. Bytes (media) are keyed weakly and go with their unit.
 */
const RECENT_TEXTS = 32;

function recentMap<V>(limit: number) {
  const map = new Map<string, V>();
  return {
    get(key: string): V | undefined {
      const value = map.get(key);
      if (value !== undefined) map.delete(key), map.set(key, value);
      return value;
    },
    set(key: string, value: V): void {
      map.set(key, value);
      if (map.size > limit) map.delete(map.keys().next().value!);
    },
  };
}

export function createZipCompressor(): ZipCompressor {
  const make = () => ({ strings: recentMap<Promise<CompressedObject>>(RECENT_TEXTS), bytes: new WeakMap<Uint8Array, Promise<CompressedObject>>() });
  const caches = { stored: make(), deflated: make() };
  const compress = async (content: Content, stored: boolean): Promise<CompressedObject> => {
    const raw = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    const checksum = crc32(raw);
    // Media that is already compressed is stored as is: deflating it again costs time and saves nothing.
    if (stored) return new CompressedObject(raw.length, raw.length, checksum, STORE, raw);
    const packed = await deflate(raw, { level: constants.Z_DEFAULT_COMPRESSION });
    return new CompressedObject(packed.length, raw.length, checksum, DEFLATE, packed);
  };
  return {
    entry(path, content) {
      const stored = isStored(path);
      const cache = stored ? caches.stored : caches.deflated;
      if (typeof content === "string") {
        let made = cache.strings.get(content);
        if (!made) cache.strings.set(content, (made = compress(content, stored)));
        return made;
      }
      let made = cache.bytes.get(content);
      if (!made) cache.bytes.set(content, (made = compress(content, stored)));
      return made;
    },
  };
}

/** Zips a file map: entries in path order, fixed dates and permissions, so the bytes depend only on the input. */
export async function zipFiles(files: FileMap, compressor: ZipCompressor = createZipCompressor()): Promise<Uint8Array> {
  const zip = new JSZip();
  const entries = sortedEntries(files);
  const compressed = await Promise.all(entries.map(([path, content]) => compressor.entry(path, content)));
  entries.forEach(([path], i) => {
    const data = compressed[i]!;
    zip.file(path, data as never, {
      date: FIXED_DATE,
      createFolders: false,
      binary: true,
      // Must match the entry's own method, or jszip would decompress it and compress it again.
      compression: isStored(path) ? "STORE" : "DEFLATE",
      unixPermissions: 0o644,
    });
  });
  return zip.generateAsync({ type: "uint8array", platform: "UNIX", streamFiles: false });
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
