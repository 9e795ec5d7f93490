/*
 * The files of the throw-away consumer project that installs the packed tarball. They use the package only by its
 * published name, as a team that installed it from the registry would.
 */

export const CUSTOMER_ID = '0f7e1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
export const CART_ID = 'b4c8fdea-cbe4-4d17-9576-13fcacbf9605';

/**
 * Type-checked under both module resolutions, then compiled (node16) and run against the mock. The explicit types and
 * the @ts-expect-error line fail the type check if the package's declarations are missing or degrade to `any`.
 */
const consumerTs = `
import { createCartClient, PartnerCenterApiError, type Cart, type CartUpdate } from 'partner-center-cart-contract';
import type { components, paths } from 'partner-center-cart-contract/types';
import type { FakeCartService } from 'partner-center-cart-contract/fake';
import type { RunningPrism } from 'partner-center-cart-contract/mock';

type CartPath = paths['/v1/customers/{customer-id}/carts/{cart-id}'];
type UpdateBody = NonNullable<CartPath['put']['requestBody']>['content']['application/json'];
export type Servers = FakeCartService | RunningPrism;

const billingCycle: components['schemas']['BillingCycle'] = 'one_time';
const update: CartUpdate & UpdateBody = {
  lineItems: [{ catalogItemId: 'DG7GMGF0DWTL:0001:DG7GMGF0DSJB', quantity: 2, billingCycle }],
};
// @ts-expect-error quantity is an integer in the contract, so a string must not type-check
export const refused: CartUpdate = { lineItems: [{ catalogItemId: 'x', quantity: '2', billingCycle }] };

async function main(baseUrl: string): Promise<void> {
  const client = createCartClient({ baseUrl, credential: 'token', retry: false });
  const cart: Cart = await client.updateCart('${CUSTOMER_ID}', '${CART_ID}', update);

  // Prism answers with the contract's 404 example when asked to; the client turns it into its error class.
  const askFor404 = createCartClient({
    baseUrl,
    credential: 'token',
    retry: false,
    fetch: (input, init) => {
      const request = new Request(input, init);
      request.headers.set('Prefer', 'code=404');
      return fetch(request);
    },
  });
  const notFound = await askFor404.getCart('${CUSTOMER_ID}', '${CART_ID}').then(
    () => undefined,
    (error: unknown) => (error instanceof PartnerCenterApiError ? { status: error.status, code: error.code } : { unexpected: String(error) }),
  );
  console.log(JSON.stringify({ cart, notFound }));
}

main(process.argv[2] ?? '').catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
`;

/** Imports every subpath the installed package's exports map names and reports what each one exports. */
const importEveryExportMjs = `
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const manifest = JSON.parse(readFileSync(require.resolve('partner-center-cart-contract/package.json'), 'utf8'));
const exported = {};
for (const subpath of Object.keys(manifest.exports)) {
  const specifier = subpath === '.' ? manifest.name : manifest.name + subpath.slice(1);
  const module = subpath.endsWith('.json') ? await import(specifier, { with: { type: 'json' } }) : await import(specifier);
  exported[subpath] = subpath.endsWith('.json') ? Object.keys(module.default) : Object.keys(module).sort();
}
console.log(JSON.stringify({ exports: manifest.exports, bin: manifest.bin, version: manifest.version, exported }));
`;

/**
 * Calls a throw-away loopback server through the installed client and reports the spans it recorded: with
 * @opentelemetry/api and the SDK installed it registers an in-memory exporter first; without them it must simply work.
 */
const otelConsumerMjs = `
import { createServer } from 'node:http';
import { createCartClient } from 'partner-center-cart-contract';

const TOKEN = 'consumer-secret-token';
let exporter;
try {
  const [{ trace }, sdk] = await Promise.all([import('@opentelemetry/api'), import('@opentelemetry/sdk-trace-base')]);
  exporter = new sdk.InMemorySpanExporter();
  trace.setGlobalTracerProvider(new sdk.BasicTracerProvider({ spanProcessors: [new sdk.SimpleSpanProcessor(exporter)] }));
} catch {
  exporter = undefined; // OpenTelemetry is not installed: the client must not care
}
const server = createServer((request, response) => {
  response.writeHead(200, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify({ id: '${CART_ID}', lineItems: [] }));
}).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const client = createCartClient({ baseUrl: 'http://127.0.0.1:' + server.address().port, credential: TOKEN });
const cart = await client.getCart('${CUSTOMER_ID}', '${CART_ID}');
server.close();
const spans = exporter ? exporter.getFinishedSpans().map((span) => ({ name: span.name, attributes: span.attributes })) : undefined;
console.log(JSON.stringify({ cartId: cart.id, spans, leaked: JSON.stringify(spans ?? []).includes(TOKEN) }));
`;

const sharedOptions = {
  target: 'ES2022',
  strict: true,
  // Check the package's declaration files too: a broken .d.ts must fail here, not be skipped.
  skipLibCheck: false,
  types: ['node'],
  lib: ['ES2022'],
};

/** File name → content of the consumer project (package.json aside). */
export const consumerFiles: Readonly<Record<string, string>> = {
  'consumer.ts': consumerTs,
  'import-every-export.mjs': importEveryExportMjs,
  'otel-consumer.mjs': otelConsumerMjs,
  'tsconfig.node16.json': JSON.stringify({
    compilerOptions: { ...sharedOptions, module: 'node16', moduleResolution: 'node16', outDir: 'out' },
    files: ['consumer.ts'],
  }),
  'tsconfig.bundler.json': JSON.stringify({
    compilerOptions: { ...sharedOptions, module: 'esnext', moduleResolution: 'bundler', noEmit: true },
    files: ['consumer.ts'],
  }),
};
