import { chromium, type Browser } from 'playwright-core';
import { fileProbe, requireTool } from './system-requirements.js';

export const chromiumPath = '/usr/bin/chromium';

// Debian's Chromium; a test tool's own browser download does not work on this machine.
const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium, as the browser suites need it: missing, they fail under CI=true and skip elsewhere, saying why. */
export const chromiumTool = requireTool({
  name: 'Chromium',
  probes: [fileProbe(chromiumPath)],
  install: 'apt-get install -y chromium',
});

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
}
