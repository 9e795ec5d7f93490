// npm run fake [-- --port 4011]: runs the stateful fake cart service with two seeded carts, for trying by hand.
import { portFromArgs, stopOnSignal } from '../src/mock/cli-options.js';
import { startFakeCartService } from '../src/fake/index.js';

const DEFAULT_PORT = 4011;
const customerId = '0f7e1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';

const fake = await startFakeCartService({
  port: portFromArgs(process.argv.slice(2), DEFAULT_PORT),
  carts: [
    {
      customerId,
      id: 'b4c8fdea-cbe4-4d17-9576-13fcacbf9605',
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
