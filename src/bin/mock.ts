#!/usr/bin/env node
// partner-center-cart-mock [--port <n>]: serves the contract shipped in this package with Prism's mock.
import { createRequire } from 'node:module';
import { startCartMock } from '../mock/index.js';
import { parseServerCommandLine, runCommand, stopOnSignal } from './cli-options.js';
import { EXAMPLE_CART_ID, EXAMPLE_CUSTOMER_ID } from './example-ids.js';

const DEFAULT_PORT = 4010;
const USAGE = `Usage: partner-center-cart-mock [--port <n>]

Serves the Partner Center cart contract shipped in this package with Prism's mock on http://127.0.0.1:<port>.
PUT bodies are read the way Partner Center reads them (PascalCase names, .NET enum spellings, nulls for unset
optional properties) before Prism judges them.
The port comes from --port, else the PORT environment variable, else ${DEFAULT_PORT}.
Needs @stoplight/prism-cli installed next to this package.
Exit codes: 0 after --help, or stopped by Ctrl-C or SIGTERM; 1 could not start (a bad option or port, a port in use, Prism missing).`;

runCommand('partner-center-cart-mock', async () => {
  const commandLine = parseServerCommandLine(process.argv.slice(2), DEFAULT_PORT);
  if (commandLine.help) {
    console.log(USAGE);
    return;
  }
  // Through the package's own exports map, so the shipped spec is found wherever the package is installed
  // and whatever the working directory is.
  const specPath = createRequire(import.meta.url).resolve('partner-center-cart-contract/openapi.json');
  const prism = await startCartMock({ specPath, port: commandLine.port });
  const cartUrl = `${prism.url}/v1/customers/${EXAMPLE_CUSTOMER_ID}/carts/${EXAMPLE_CART_ID}`;
  console.log(`Prism mock of ${specPath} is listening on ${prism.url}`);
  console.log('Try:');
  console.log(`  curl -s -H 'Authorization: Bearer any-token' ${cartUrl}`);
  console.log(`  curl -s -H 'Authorization: Bearer any-token' -H 'Prefer: code=404' ${cartUrl}`);
  console.log('Stop with Ctrl-C.');
  stopOnSignal(() => prism.stop());
});
