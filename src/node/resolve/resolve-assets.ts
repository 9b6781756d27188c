import { lstat, open, readFile, realpath } from "node:fs/promises";
import { isAbsolute, join, relative, sep } from "node:path";
import { diagnostics, type Place } from "../diagnostics/codes.js";
import type { LoadedUnit } from "../load/load-unit.js";
import type { Diagnostic } from "../../shared/diagnostic.js";
import type { Unit } from "../../shared/unit-types.js";
import { MAX_IMAGE_PIXELS, pngSize, ROLE_TYPES, SAFE_ASSET_PATH, TYPE_RULES, unsafeSvgReason, type AssetRole } from "./asset-rules.js";

export interface AssetUse {
  path: string;
  pointer: string;
  role: AssetRole;
}

/** A checked asset: where it is on disk and where it goes in the package. */
export interface ResolvedAsset {
  path: string;
  absolute: string;
  packagePath: string;
  size: number;
  extension: string;
}

/** Every file a unit refers to, with the field that refers to it. */
export function assetUses(unit: Unit): AssetUse[] {
  const uses: AssetUse[] = [];
  unit.sections.forEach((section, s) =>
    section.blocks.forEach((block, b) => {
      const pointer = `/sections/${s}/blocks/${b}`;
      if (block.kind === "image") uses.push({ path: block.src, pointer: `${pointer}/src`, role: "image" });
      if (block.kind === "audio" || block.kind === "video") {
        uses.push({ path: block.src, pointer: `${pointer}/src`, role: block.kind });
        for (const [language, path] of Object.entries(block.captions ?? {}))
          uses.push({ path, pointer: `${pointer}/captions/${language}`, role: "captions" });
      }
    }),
  );
  unit.gamification?.badges.forEach((badge, i) => {
    if (badge.icon) uses.push({ path: badge.icon, pointer: `/gamification/badges/${i}/icon`, role: "icon" });
  });
  return uses;
}

/** Assets travel under media/ so that no unit file can ever take the name of a package file. */
export const packagePathOf = (path: string) => `media/${path}`;

async function readHead(absolute: string): Promise<Buffer> {
  const handle = await open(absolute, "r");
  try {
    const buffer = Buffer.alloc(512);
    const { bytesRead } = await handle.read(buffer, 0, 512, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function checkAsset(use: AssetUse, loaded: LoadedUnit, unitRoot: string): Promise<{ asset?: ResolvedAsset; problem?: Diagnostic }> {
  const at: Place = { file: loaded.source.file, pointer: use.pointer, loc: loaded.source.locate(use.pointer) };
  const path = use.path;
  if (isAbsolute(path) || /^[A-Za-z]:/.test(path) || path.startsWith("\\") || path.startsWith("/"))
    return { problem: diagnostics.assetOutsideUnit(at, path, "is an absolute path") };
  if (path.split(/[\\/]/).includes("..")) return { problem: diagnostics.assetOutsideUnit(at, path, 'climbs out of the unit folder with ".."') };
  if (!SAFE_ASSET_PATH.test(path))
    return {
      problem: diagnostics.invalidValue(at, `The asset path ${JSON.stringify(path)} has characters that do not travel safely in a package (spaces, backslashes, accents or invisible characters).`,
        'use letters, digits, "-", "_" and "." in forward-slash folders, e.g. "assets/team-meeting.svg".'),
    };
  const extension = path.slice(path.lastIndexOf(".") + 1).toLowerCase();
  const allowed = ROLE_TYPES[use.role];
  if (!allowed.includes(extension)) return { problem: diagnostics.assetTypeNotAllowed(at, path, allowed) };
  const absolute = join(loaded.dir, ...path.split("/"));
  const info = await lstat(absolute).catch(() => undefined);
  if (!info) return { problem: diagnostics.assetMissing(at, path) };
  const real = await realpath(absolute).catch(() => undefined);
  const inside = real !== undefined && !relative(unitRoot, real).startsWith(`..`) && !isAbsolute(relative(unitRoot, real));
  if (!inside || relative(unitRoot, real!).split(sep).includes("..")) return { problem: diagnostics.assetSymlinkOutside(at, path) };
  const target = info.isSymbolicLink() ? await lstat(real!) : info;
  if (!target.isFile()) return { problem: diagnostics.assetNotAFile(at, path) };
  const rule = TYPE_RULES[extension]!;
  if (target.size > rule.limit) return { problem: diagnostics.assetTooLarge(at, path, target.size, rule.limit) };
  // An SVG is read whole (1 MB at most): a long DOCTYPE must not hide its <svg>, and all of it is checked below.
  const bytes = extension === "svg" ? await readFile(real!) : await readHead(real!);
  if (!rule.sniff(bytes)) return { problem: diagnostics.assetContentMismatch(at, path, rule.label) };
  // A few bytes can declare a picture that takes gigabytes to decode (a "decompression bomb").
  const pixels = extension === "png" ? pngSize(bytes) : undefined;
  if (pixels && pixels.width * pixels.height > MAX_IMAGE_PIXELS) return { problem: diagnostics.imageTooLarge(at, path, pixels.width, pixels.height, MAX_IMAGE_PIXELS) };
  if (extension === "svg") {
    const reason = unsafeSvgReason(bytes.toString("utf8"));
    if (reason)
      return {
        problem: diagnostics.invalidValue(at, `The SVG ${JSON.stringify(path)} is not safe to ship: ${reason}.`,
          "export it again as a plain drawing (Inkscape: Save as › Optimized SVG), or use a PNG."),
      };
  }
  return { asset: { path, absolute: real!, packagePath: packagePathOf(path), size: target.size, extension } };
}

/** Checks every asset a unit uses: inside the unit folder, a real file of an allowed type and size. */
export async function resolveAssets(unit: Unit, loaded: LoadedUnit): Promise<{ assets: ResolvedAsset[]; diagnostics: Diagnostic[] }> {
  const unitRoot = await realpath(loaded.dir);
  const results = await Promise.all(assetUses(unit).map((use) => checkAsset(use, loaded, unitRoot)));
  const byPath = new Map<string, ResolvedAsset>();
  for (const r of results) if (r.asset) byPath.set(r.asset.path, r.asset);
  return { assets: [...byPath.values()].sort((a, b) => (a.packagePath < b.packagePath ? -1 : 1)), diagnostics: results.flatMap((r) => (r.problem ? [r.problem] : [])) };
}
