/**
 * The one place that says how Chainkit's tools start Chromium: Debian's build (browser
 * downloads don't work on these machines), headless, with the background services that try
 * to reach the network turned off. Used by Web Test Runner, the benchmarks, the screenshots
 * and the end-to-end tests.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Throws, naming the install command, when there is no Chromium to start. */
export function assertChromium() {
  if (existsSync(CHROMIUM_PATH)) return;
  throw new Error(
    `No Chromium at ${CHROMIUM_PATH}. Install Debian's build with:\n` +
      `  sudo apt-get update && sudo apt-get install -y chromium\n` +
      `or point CHROME_PATH at a Chromium or Chrome binary.`,
  );
}

/** Starts headless Chromium through playwright-core. */
export async function launchChromium() {
  assertChromium();
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
