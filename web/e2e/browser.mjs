// Debian's chromium driven by playwright-core (no browser download, ever): one headless browser
// process for the whole run (started on first use, closed by closeBrowser()), and a fresh
// context per launch() (its own cookies, localStorage, locale and downloads), so scenarios stay
// independent without paying for a browser start each.
import fs from 'node:fs';

import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.REPARTO_CHROMIUM || '/usr/bin/chromium';
export const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let shared = null; // Promise<Browser>

function browser() {
  if (!shared) {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install chromium)`);
    shared = chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  }
  return shared;
}

// A new context of the shared browser: {context, close()}. `locale` sets navigator.language(s)
// and the Accept-Language header.
export async function launch({ locale = 'en-GB' } = {}) {
  const context = await (await browser()).newContext({
    acceptDownloads: true,
    locale,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close().catch(() => {});
    },
  };
}

// Ends the browser process (after the last scenario).
export async function closeBrowser() {
  if (!shared) return;
  const b = await shared.catch(() => null);
  shared = null;
  if (b) await b.close().catch(() => {});
}
