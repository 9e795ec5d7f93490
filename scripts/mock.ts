// npm run mock [-- --port 4010]: serves the bundled spec with Prism's mock for people to try by hand.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startPrism } from '../src/mock/prism.js';
import { portFromArgs, stopOnSignal } from '../src/mock/cli-options.js';

const DEFAULT_PORT = 4010;
const specPath = resolve('generated/openapi.json');

if (!existsSync(specPath)) {
  console.error(`${specPath} does not exist yet: run \`npm run bundle\` first, then \`npm run mock\` again.`);
  process.exit(1);
}

const port = portFromArgs(process.argv.slice(2), DEFAULT_PORT);
const prism = await startPrism({ specPath, port });
const cartUrl = `${prism.url}/v1/customers/0f7e1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b/carts/b4c8fdea-cbe4-4d17-9576-13fcacbf9605`;
console.log(`Prism mock of ${specPath} is listening on ${prism.url}`);
console.log('Try:');
console.log(`  curl -s -H 'Authorization: Bearer any-token' ${cartUrl}`);
console.log(`  curl -s -H 'Authorization: Bearer any-token' -H 'Prefer: code=404' ${cartUrl}`);
console.log('Stop with Ctrl-C.');
stopOnSignal(() => prism.stop());
