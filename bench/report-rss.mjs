// Preloaded into a build process (node --import) to report its peak memory when it exits, so the bench
// needs no external tool such as GNU time.
import { writeSync } from "node:fs";

process.on("exit", () => {
  const path = process.env.SKILLPACK_BENCH_RSS_FD;
  if (path) writeSync(Number(path), `${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
});
