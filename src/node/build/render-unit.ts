import { readFile } from "node:fs/promises";
import { renderPage } from "../render/render-page.js";
import type { FileMap } from "../package/file-map.js";
import type { PackageFormat } from "../package/package-format.js";
import { UI_STRINGS, uiStringsFor } from "../../shared/ui-strings.js";
import type { Unit } from "../../shared/unit-types.js";
import type { BuildContext } from "./build-context.js";
import type { CheckedUnit } from "./check-unit.js";

/**
 * The content security policy of every package: scripts only from the package itself (no inline script,
 * no eval, nothing remote), styles and media from the package, network only what the standard needs.
 */
export const contentSecurityPolicy = (connectSrc: string) =>
  `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; media-src 'self'; font-src 'self'; connect-src ${connectSrc}; base-uri 'none'; form-action 'none'; object-src 'none'`;

/** index.html, the player and the media: what every format carries for one language. */
export async function renderUnitFiles(checked: CheckedUnit, unit: Unit, format: PackageFormat, context: BuildContext): Promise<FileMap> {
  const [templates, runtime] = await Promise.all([context.templates(), context.runtime()]);
  const html = renderPage(unit, templates, context.markdown, {
    ui: uiStringsFor(unit.language) ?? UI_STRINGS.en,
    csp: contentSecurityPolicy(format.connectSrc),
    generatorVersion: context.version,
  });
  const files: FileMap = new Map<string, Uint8Array | string>([["index.html", html], ["player.js", runtime["player.js"]], ["player.css", runtime["player.css"]]]);
  await Promise.all(checked.assets.map(async (asset) => files.set(asset.packagePath, await readFile(asset.absolute))));
  return files;
}
