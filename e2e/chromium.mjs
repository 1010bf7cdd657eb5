// The system's Chromium, driven by playwright-core (which downloads no browser of its own).

import { accessSync, constants } from "node:fs";
import { chromium } from "playwright-core";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/**
 * The Chromium executable: `CHROMIUM_PATH`, else the first of the usual system paths.
 * Throws, naming how to install one, when there is none.
 */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} is not an executable file.`);
    return fromEnv;
  }
  const found = CANDIDATES.find(isExecutable);
  if (found) return found;
  throw new Error(
    [
      `No Chromium found (looked at CHROMIUM_PATH and ${CANDIDATES.join(", ")}).`,
      "Install the system package, e.g. on Debian/Ubuntu:",
      "  sudo apt-get update && sudo apt-get install -y chromium",
      "or point CHROMIUM_PATH at a Chromium or Chrome executable.",
      "(`npx playwright install` is not used: playwright-core drives the system browser.)",
    ].join("\n"),
  );
}

/**
 * Launches headless Chromium with the flags that work on a machine with no general internet
 * access (without the background-networking flags it keeps trying to reach Google's hosts). `headless` and `chromiumSandbox: false` make Playwright pass `--headless` and
 * `--no-sandbox`; Playwright also gives every launch a fresh, throwaway `--user-data-dir`
 * (it refuses that flag in `args`).
 */
export async function launchChromium(executablePath = findChromium()) {
  return chromium.launch({
    executablePath,
    headless: true,
    chromiumSandbox: false,
    // e2e/run.mjs handles the signals and closes the browser in order with everything else.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
