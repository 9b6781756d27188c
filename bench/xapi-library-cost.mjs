// What @xapi/xapi (with the axios-based http client it bundles) would add to the xAPI/cmi5 player:
// bundled and minified the way rollup builds the player, then gzipped. skillpack does not ship it (it
// uses only its types, with fetch written by hand); this keeps the reason for that choice measured.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

export async function xapiLibraryCost(root) {
  const contents = `import XAPI from "@xapi/xapi";
const xapi = new XAPI({ endpoint: location.href, auth: "Basic x", adapter: "fetch" });
xapi.sendStatement({ statement: {} }); xapi.setState({ agent: {}, activityId: "a", stateId: "s", state: {} }); xapi.getState({ agent: {}, activityId: "a", stateId: "s" });`;
  const result = await build({ stdin: { contents, resolveDir: root }, bundle: true, minify: true, write: false, format: "iife", platform: "browser", target: "es2019", logLevel: "silent" });
  const js = result.outputFiles[0].contents;
  return { rawBytes: js.length, gzipBytes: gzipSync(js, { level: 9 }).length };
}
