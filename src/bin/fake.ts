#!/usr/bin/env node
// partner-center-cart-fake [--port <n>]: runs the stateful fake cart service with two seeded carts, for trying by hand.
import { startFakeCartService } from '../fake/index.js';
import { parseServerCommandLine, runCommand, stopOnSignal } from './cli-options.js';
import { EXAMPLE_CART_ID, EXAMPLE_CUSTOMER_ID } from './example-ids.js';

const DEFAULT_PORT = 4011;
const USAGE = `Usage: partner-center-cart-fake [--port <n>]

Runs the stateful fake Partner Center cart service on http://127.0.0.1:<port> with two seeded carts.
The port comes from --port, else the PORT environment variable, else ${DEFAULT_PORT}. State lives in memory.
Exit codes: 0 after --help, or stopped by Ctrl-C or SIGTERM; 1 could not start (a bad option or port, a port in use).`;
const customerId = EXAMPLE_CUSTOMER_ID;

runCommand('partner-center-cart-fake', async () => {
  const commandLine = parseServerCommandLine(process.argv.slice(2), DEFAULT_PORT);
  if (commandLine.help) {
    console.log(USAGE);
    return;
  }
  const fake = await startFakeCartService({
    port: commandLine.port,
    carts: [
      {
        customerId,
        id: EXAMPLE_CART_ID,
        lineItems: [
          {
            catalogItemId: 'DG7GMGF0DWTL:0001:DG7GMGF0DSJB',
            friendlyName: 'Microsoft 365 E3',
            quantity: 2,
            billingCycle: 'monthly',
            termDuration: 'P1Y',
          },
        ],
      },
      {
        customerId,
        id: '65faf57b-0205-47ee-92b7-3d8f6d1e1a2c',
        status: 'Ordered',
        lineItems: [{ catalogItemId: 'DZH318Z0BQ3Q:0007:DZH318Z0BWZD', quantity: 1, billingCycle: 'one_time', termDuration: 'P1Y' }],
      },
    ],
  });

  const [active, ordered] = fake.carts();
  const cartUrl = `${fake.url}/v1/customers/${customerId}/carts/${active?.id ?? ''}`;
  console.log(`Fake Partner Center cart service is listening on ${fake.url}`);
  console.log(`  customer ${customerId}`);
  console.log(`  cart ${active?.id ?? ''} (Active, can be updated)`);
  console.log(`  cart ${ordered?.id ?? ''} (Ordered, updates are refused)`);
  console.log('Try:');
  console.log(`  curl -s -H 'Authorization: Bearer any-token' ${cartUrl}`);
  console.log(
    `  curl -s -X PUT -H 'Authorization: Bearer any-token' -H 'Content-Type: application/json' -d '{"lineItems":[{"catalogItemId":"DG7GMGF0DWTL:0001:DG7GMGF0DSJB","quantity":5,"billingCycle":"monthly"}]}' ${cartUrl}`,
  );
  console.log('State lives in memory and is lost on exit. Stop with Ctrl-C.');
  stopOnSignal(() => fake.stop());
});
