// The player's figures for npm run bench: the largest worst-case SCORM 1.2 suspend_data over all units,
// and the time from navigation to an interactive first page in Chromium (median of a few loads).
import { createServer } from "node:http";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { extname, join } from "node:path";

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".json": "application/json" };

export async function worstCaseOverUnits(root) {
  const { unitWorstCase } = await import(join(root, "dist", "index.js"));
  const dirs = readdirSync(join(root, "units"), { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(root, "units", d.name, "unit.json")));
  const perUnit = Object.fromEntries(dirs.map((d) => [d.name, unitWorstCase(JSON.parse(readFileSync(join(root, "units", d.name, "unit.json"), "utf8"))).length]));
  const largest = Math.max(0, ...Object.values(perUnit));
  return { perUnit, largest };
}

/** Builds the first unit in memory, serves it, and times navigation → the player's pager shown. */
export async function timeToInteractive(root, loads = 5) {
  const units = readdirSync(join(root, "units"), { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(root, "units", d.name, "unit.json")));
  if (!units.length) return undefined;
  const { buildUnit } = await import(join(root, "dist", "index.js"));
  const result = await buildUnit(join(root, "units", units[0].name), { write: false, cwd: root });
  const pkg = result.packages[0];
  if (!pkg) return undefined;
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname).slice(1) || "index.html";
    const body = pkg.files.get(path);
    if (body === undefined) return res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": TYPES[extname(path)] ?? "application/octet-stream" }).end(body);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: process.env.SKILLPACK_CHROMIUM || "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
  try {
    const times = [];
    for (let i = 0; i < loads; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
      await page.waitForSelector("#sp-pager:not([hidden])");
      // The player marks the moment its first page answers input; marks are timed from navigation start.
      times.push(await page.evaluate('performance.getEntriesByName("skillpack:interactive")[0].startTime'));
      await context.close();
    }
    times.sort((a, b) => a - b);
    return { unit: units[0].name, package: pkg.name, msMedian: times[Math.floor(times.length / 2)], loads };
  } finally {
    await browser.close();
    server.close();
  }
}
