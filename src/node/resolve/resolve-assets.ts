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

/** "assets/cycle.svg" in Lithuanian: "assets/cycle.lt.svg", the drawing with its words translated. */
export const languageVariantOf = (path: string, language: string) => path.replace(/(\.[^./]+)$/, `.${language}$1`);

/** Pictures may carry words, so each language may have its own file beside the source language's. */
const HAS_LANGUAGE_VARIANTS = new Set<AssetRole>(["image", "icon"]);

export interface AssetResolution {
  assets: ResolvedAsset[];
  /** Per language, the source path of each picture that language has its own file for, and that file's path. */
  variants: Map<string, Map<string, string>>;
  diagnostics: Diagnostic[];
}

/**
 * Checks every asset a unit uses: inside the unit folder, a real file of an allowed type and size; and
 * each picture's language variants (`<name>.<lang>.<ext>` beside it), checked the same way.
 */
export async function resolveAssets(unit: Unit, loaded: LoadedUnit): Promise<AssetResolution> {
  const unitRoot = await realpath(loaded.dir);
  const uses = assetUses(unit);
  const others = unit.languages.filter((language) => language !== unit.language);
  const variantUses = (
    await Promise.all(
      uses
        .filter((use) => HAS_LANGUAGE_VARIANTS.has(use.role) && SAFE_ASSET_PATH.test(use.path) && !use.path.split("/").includes(".."))
        .flatMap((use) =>
          others.map(async (language) => {
            const path = languageVariantOf(use.path, language);
            return (await lstat(join(loaded.dir, ...path.split("/"))).catch(() => undefined)) ? { use: { ...use, path }, of: use.path, language } : undefined;
          }),
        ),
    )
  ).filter((v) => v !== undefined);
  const results = await Promise.all([...uses, ...variantUses.map((v) => v.use)].map((use) => checkAsset(use, loaded, unitRoot)));
  const byPath = new Map<string, ResolvedAsset>();
  for (const r of results) if (r.asset) byPath.set(r.asset.path, r.asset);
  const variants = new Map(others.map((language) => [language, new Map<string, string>()]));
  for (const v of variantUses) variants.get(v.language)!.set(v.of, v.use.path);
  return {
    assets: [...byPath.values()].sort((a, b) => (a.packagePath < b.packagePath ? -1 : 1)),
    variants,
    diagnostics: results.flatMap((r) => (r.problem ? [r.problem] : [])),
  };
}

/** The unit in one language with its pictures swapped for that language's own files, where there are some. */
export function withLanguageAssets(unit: Unit, variants: ReadonlyMap<string, string> | undefined): Unit {
  if (!variants?.size) return unit;
  const swap = (path: string) => variants.get(path) ?? path;
  return {
    ...unit,
    sections: unit.sections.map((section) => ({
      ...section,
      blocks: section.blocks.map((block) => (block.kind === "image" ? { ...block, src: swap(block.src) } : block)),
    })),
    ...(unit.gamification
      ? { gamification: { ...unit.gamification, badges: unit.gamification.badges.map((badge) => (badge.icon ? { ...badge, icon: swap(badge.icon) } : badge)) } }
      : {}),
  };
}
