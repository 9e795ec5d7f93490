// Run as a child process by the memory-pressure test: starts the fake with one seeded cart, prints
// `{ url, customerId, cartId }` as one JSON line, and exits when its stdin closes (so it never outlives the test).
import { randomUUID } from 'node:crypto';
import { startFakeCartService } from '../../src/fake/index.js';

const replayCacheBytes = process.argv[2] === undefined ? undefined : Number(process.argv[2]);
const customerId = randomUUID();
const cartId = randomUUID();
const fake = await startFakeCartService({
  replayCacheBytes,
  carts: [
    { customerId, id: cartId, lineItems: [{ catalogItemId: 'DG7GMGF0DWTL:0001:DG7GMGF0DSJB', quantity: 1, billingCycle: 'monthly' }] },
  ],
});
process.stdout.write(`${JSON.stringify({ url: fake.url, customerId, cartId })}\n`);
process.stdin.resume();
process.stdin.on('close', () => {
  void fake.stop().then(() => process.exit(0));
});
