/** What each asset field accepts: extensions, the most bytes a learner on a weak connection should wait for, and how to recognise the content. */
export type AssetRole = "image" | "icon" | "audio" | "video" | "captions";

interface TypeRule {
  limit: number;
  /** True when the file's first bytes look like this type. */
  sniff: (head: Buffer) => boolean;
  label: string;
}

const MB = 1024 * 1024;
const startsWith = (head: Buffer, ...bytes: number[]) => bytes.every((b, i) => head[i] === b);
const ascii = (head: Buffer, from: number, text: string) => head.subarray(from, from + text.length).toString("latin1") === text;
const textStart = (head: Buffer) => head.toString("utf8").replace(/^\uFEFF/, "").trimStart();

export const TYPE_RULES: Record<string, TypeRule> = {
  // A DOCTYPE may carry an internal subset in [...]: still SVG (unsafeSvgReason then refuses its entities).
  svg: { limit: 1 * MB, label: "SVG", sniff: (h) => /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>[]*(\[[\s\S]*?\]\s*)?>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(textStart(h)) },
  png: { limit: 5 * MB, label: "PNG", sniff: (h) => startsWith(h, 0x89, 0x50, 0x4e, 0x47) },
  jpg: { limit: 5 * MB, label: "JPEG", sniff: (h) => startsWith(h, 0xff, 0xd8, 0xff) },
  jpeg: { limit: 5 * MB, label: "JPEG", sniff: (h) => startsWith(h, 0xff, 0xd8, 0xff) },
  gif: { limit: 5 * MB, label: "GIF", sniff: (h) => ascii(h, 0, "GIF8") },
  webp: { limit: 5 * MB, label: "WebP", sniff: (h) => ascii(h, 0, "RIFF") && ascii(h, 8, "WEBP") },
  mp3: { limit: 20 * MB, label: "MP3", sniff: (h) => ascii(h, 0, "ID3") || (h[0] === 0xff && ((h[1] ?? 0) & 0xe0) === 0xe0) },
  ogg: { limit: 20 * MB, label: "Ogg", sniff: (h) => ascii(h, 0, "OggS") },
  oga: { limit: 20 * MB, label: "Ogg", sniff: (h) => ascii(h, 0, "OggS") },
  wav: { limit: 20 * MB, label: "WAV", sniff: (h) => ascii(h, 0, "RIFF") && ascii(h, 8, "WAVE") },
  m4a: { limit: 20 * MB, label: "MPEG-4 audio", sniff: (h) => ascii(h, 4, "ftyp") },
  mp4: { limit: 100 * MB, label: "MP4", sniff: (h) => ascii(h, 4, "ftyp") },
  webm: { limit: 100 * MB, label: "WebM", sniff: (h) => startsWith(h, 0x1a, 0x45, 0xdf, 0xa3) },
  vtt: { limit: 1 * MB, label: "WebVTT", sniff: (h) => textStart(h).startsWith("WEBVTT") },
};

export const ROLE_TYPES: Record<AssetRole, readonly string[]> = {
  image: ["svg", "png", "jpg", "jpeg", "gif", "webp"],
  icon: ["svg", "png"],
  audio: ["mp3", "ogg", "oga", "wav", "m4a"],
  video: ["mp4", "webm"],
  captions: ["vtt"],
};

/** Media is already compressed: the zip stores it as is instead of deflating it again. */
export const STORED_UNCOMPRESSED = new Set(["png", "jpg", "jpeg", "gif", "webp", "mp3", "ogg", "oga", "m4a", "mp4", "webm"]);

/** A code point from a character reference, or nothing when it is not one (a reference must not throw). */
const codePoint = (n: number) => (Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : "");

/**
 * The SVG's text as a parser would see it, for the checks below: XML character references and CSS escapes
 * decoded (`&#106;avascript:`, `ht\74 p:`), and in a second form with all whitespace and control characters
 * gone, as URL parsing drops them (`java&#9;script:`).
 */
function svgViews(text: string): { decoded: string; squeezed: string } {
  const decoded = text
    .replace(/&#x([0-9a-f]{1,8});?/gi, (_, hex: string) => codePoint(parseInt(hex, 16)))
    .replace(/&#([0-9]{1,10});?/g, (_, dec: string) => codePoint(Number(dec)))
    .replace(/\\([0-9a-f]{1,6})\s?/gi, (_, hex: string) => codePoint(parseInt(hex, 16)))
    .replace(/\\([^0-9a-f\n])/gi, "$1");
  return { decoded, squeezed: decoded.replace(/[\s\u0000-\u001f\u007f]+/g, "").toLowerCase() };
}

/**
 * An SVG opened on its own runs its scripts with the package's origin, so a unit may not ship one that
 * can run code or fetch from elsewhere. The player shows images through <img>, which runs nothing.
 */
export function unsafeSvgReason(text: string): string | undefined {
  const { decoded, squeezed } = svgViews(text);
  if (/<!entity|<!doctype[^>]*\[/.test(squeezed)) return "it declares XML entities";
  // Any namespace prefix: <svg:script> is a script too.
  if (/<([\w.-]+:)?script[/>\s]/i.test(decoded)) return "it contains a <script> element";
  if (/<([\w.-]+:)?foreignObject[\s/>]/i.test(decoded)) return "it embeds HTML through <foreignObject>";
  if (/[\s"'/]on[a-z]+\s*=/i.test(decoded)) return "it has an event-handler attribute such as onload";
  if (/(?:href|src)=["']?(?:javascript|vbscript|data|https?|ftp|file|\/\/)/.test(squeezed)) return "it links to a script, a data URL or another site";
  if (/<([\w.-]+:)?(?:set|animate)[^>]*attributename=["']?(?:xlink:)?href/.test(squeezed)) return "it animates a link, which can turn it into a script";
  if (/url\(["']?(?!data:)(?:[a-z][a-z0-9+.-]*:|\/\/)|@import/.test(squeezed)) return "its CSS loads from another site";
  return undefined;
}

/** The most pixels an image may declare: a learner's device holds it decoded, at 4 bytes a pixel (about 100 MB here). */
export const MAX_IMAGE_PIXELS = 25_000_000;

/** Width and height from a PNG's IHDR chunk, which the format puts first; undefined when the head has none. */
export function pngSize(head: Buffer): { width: number; height: number } | undefined {
  if (head.length < 24 || head.subarray(12, 16).toString("latin1") !== "IHDR") return undefined;
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

/** Safe, portable asset paths: ASCII letters, digits, dot, dash and underscore, in forward-slash folders. */
export const SAFE_ASSET_PATH = /^[A-Za-z0-9_][A-Za-z0-9._-]*(\/[A-Za-z0-9_][A-Za-z0-9._-]*)*$/;
