import { renderMultilingualPage, renderPage } from "../render/render-page.js";
import type { FileMap } from "../package/file-map.js";
import type { PackageFormat } from "../package/package-format.js";
import { playerScriptFor } from "../package/runtime-files.js";
import { UI_STRINGS, uiStringsFor } from "../../shared/ui-strings.js";
import type { Unit } from "../../shared/unit-types.js";
import type { BuildContext } from "./build-context.js";

/**
 * The content security policy of every package: scripts only from the package itself (no inline script,
 * no eval, nothing remote), styles and media from the package, network only what the standard needs.
 */
export const contentSecurityPolicy = (connectSrc: string) =>
  `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; media-src 'self'; font-src 'self'; connect-src ${connectSrc}; base-uri 'none'; form-action 'none'; object-src 'none'`;

/** Stands in for the policy while the page renders; it has nothing for the HTML escaper to change. */
const POLICY_SLOT = "skillpack-content-security-policy-slot";
const escapeAttribute = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;").replace(/</g, "&lt;");

/**
 * A unit in one language, rendered once however many formats are built: only the policy differs
 * between formats, so each format fills it into the same page.
 */
export interface RenderedLanguage {
  filesFor(format: PackageFormat): FileMap;
}

/** index.html, the player and the media: what every format carries for one language. */
export async function renderLanguage(unit: Unit, media: FileMap, context: BuildContext): Promise<RenderedLanguage> {
  return renderLanguages([unit], media, context);
}

/**
 * The same for several languages in one page (the first opens, the player switches between them): what a
 * multilingual package carries. With one language it is renderLanguage.
 */
export async function renderLanguages(units: readonly Unit[], media: FileMap, context: BuildContext): Promise<RenderedLanguage> {
  const [templates, runtime] = await Promise.all([context.templates(), context.runtime()]);
  const ui = (unit: Unit) => uiStringsFor(unit.language) ?? UI_STRINGS.en;
  const options = { csp: POLICY_SLOT, generatorVersion: context.version };
  const html =
    units.length === 1
      ? renderPage(units[0]!, templates, context.markdown, { ...options, ui: ui(units[0]!) })
      : renderMultilingualPage(units.map((unit) => ({ unit, ui: ui(unit) })), templates, context.markdown, options);
  const [before, after] = html.split(POLICY_SLOT) as [string, string];
  return {
    filesFor: (format) =>
      new Map<string, Uint8Array | string>([
        ["index.html", `${before}${escapeAttribute(contentSecurityPolicy(format.connectSrc))}${after}`],
        ["player.js", runtime[playerScriptFor(format.id)]],
        ["player.css", runtime["player.css"]],
        ...media,
      ]),
  };
}
