#!/usr/bin/env node
// partner-center-cart-mock [--port <n>]: serves the contract shipped in this package with Prism's mock.
import { createRequire } from 'node:module';
import { portFromArgs, stopOnSignal } from '../mock/cli-options.js';
import { startPrism } from '../mock/prism.js';

const DEFAULT_PORT = 4010;
const USAGE = `Usage: partner-center-cart-mock [--port <n>]

Serves the Partner Center cart contract shipped in this package with Prism's mock on http://127.0.0.1:<port>.
The port comes from --port, else the PORT environment variable, else ${DEFAULT_PORT}.
Needs @stoplight/prism-cli installed next to this package.`;

async function main(args: readonly string[]): Promise<void> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const port = portFromArgs(args, DEFAULT_PORT);
  // Through the package's own exports map, so the shipped spec is found wherever the package is installed
  // and whatever the working directory is.
  const specPath = createRequire(import.meta.url).resolve('partner-center-cart-contract/openapi.json');
  const prism = await startPrism({ specPath, port });
  const cartUrl = `${prism.url}/v1/customers/0f7e1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b/carts/b4c8fdea-cbe4-4d17-9576-13fcacbf9605`;
  console.log(`Prism mock of ${specPath} is listening on ${prism.url}`);
  console.log('Try:');
  console.log(`  curl -s -H 'Authorization: Bearer any-token' ${cartUrl}`);
  console.log(`  curl -s -H 'Authorization: Bearer any-token' -H 'Prefer: code=404' ${cartUrl}`);
  console.log('Stop with Ctrl-C.');
  stopOnSignal(() => prism.stop());
}

main(process.argv.slice(2)).catch((error: unknown) => {
  // Every failure here (no Prism, a bad --port, a taken port) is the user's to fix; the message says how, a stack would not.
  console.error(`partner-center-cart-mock: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
