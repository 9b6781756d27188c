// Launches the system Chromium (Debian package `chromium`) through playwright-core.
// Never a downloaded browser: this machine cannot fetch one, and CI installs it with apt.
import { chromium, type Browser } from "playwright-core";

export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

export function chromiumPath(): string {
  return process.env.SKILLPACK_CHROMIUM || DEFAULT_CHROMIUM;
}

// Headless, sandbox off (containers run as root), and no background traffic: the machine has
// no internet and stray requests would only slow start-up.
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}
