import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export class ChromiumMissingError extends Error {}

/** Chromium for printing: SKILLPACK_CHROMIUM, or Debian's /usr/bin/chromium, or chromium on the PATH. */
export function findChromium(): string | undefined {
  const candidates = [process.env.SKILLPACK_CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
  return candidates.find((c): c is string => Boolean(c && existsSync(c)));
}

/** Prints an HTML file to PDF with headless Chromium's own print engine (A4 from the page's @page rule). */
export async function printPdf(htmlPath: string, pdfPath: string): Promise<void> {
  const chromium = findChromium();
  if (!chromium) throw new ChromiumMissingError("--pdf needs Chromium: install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set SKILLPACK_CHROMIUM.");
  const profile = await mkdtemp(join(tmpdir(), "skillpack-chromium-"));
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(chromium, [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--no-pdf-header-footer", `--user-data-dir=${profile}`, `--print-to-pdf=${pdfPath}`, pathToFileURL(htmlPath).href,
      ], { stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (chunk) => (stderr += String(chunk)));
      child.on("error", reject);
      child.on("close", (code) => (code === 0 && existsSync(pdfPath) ? resolve() : reject(new Error(`Chromium could not print ${htmlPath}: ${stderr.trim().split("\n").pop()}`))));
    });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}
