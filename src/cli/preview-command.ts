import { relative } from "node:path";
import { findUnits } from "../node/build/find-units.js";
import { startPreview } from "../node/preview/preview-server.js";
import type { Output } from "./report.js";
import { UsageError } from "./usage-error.js";

/** skillpack preview [unit]: serves the unit with a live LMS view until Ctrl+C. */
export async function previewCommand(paths: string[], options: { cwd: string; language?: string; port?: string; host?: string }, output: Output): Promise<number> {
  let unit = paths[0];
  if (!unit) {
    const units = await findUnits([], options.cwd);
    if (units.length !== 1) throw new UsageError(`say which unit to preview, e.g. skillpack preview ${units[0] ? relative(options.cwd, units[0]) : "units/communication"}`);
    unit = units[0]!;
  }
  const port = options.port === undefined ? 4173 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${options.port}".`);
  const server = await startPreview({ unit, cwd: options.cwd, port, ...(options.host ? { host: options.host } : {}), ...(options.language ? { language: options.language } : {}), log: output.err });
  if (options.host && !["127.0.0.1", "localhost", "::1"].includes(options.host))
    output.err(`Warning: the preview is reachable from other machines on ${options.host}; it has no password.`);
  output.out(`Previewing ${relative(options.cwd, unit) || unit} at ${server.url}  (rebuilds when you save; Ctrl+C to stop)`);
  await new Promise<void>((stop) => {
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await server.close();
  return 0;
}
