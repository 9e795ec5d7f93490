import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrism, type RunningPrism } from '../../src/mock/prism.js';

const run = promisify(execFile);
const sdkSource = resolve('generated/sdks/typescript-fetch/src');
const specPath = resolve('generated/openapi.json');
const tsc = resolve('node_modules/typescript/bin/tsc');

/**
 * A consumer of the generated SDK, compiled together with it by our TypeScript: the explicit types make the
 * compiler check that the SDK returns a typed Cart and that its error body parses into a typed PartnerCenterError.
 */
const consumerSource = `
import { BillingCycle, CartsApi, Configuration, PartnerCenterErrorFromJSON } from './sdk';
import type { Cart, CartUpdate, PartnerCenterError } from './sdk';

const customerId = 'd6bf25b7-e0a8-4f2d-a31b-97b55cfc774d';
const cartId = 'b4c8fdea-cbe4-4d17-9576-13fcacbf9605';

async function main(baseUrl: string): Promise<void> {
  const api = new CartsApi(new Configuration({ basePath: baseUrl, fetchApi: fetch, accessToken: 'test-token' }));
  const cartUpdate: CartUpdate = {
    lineItems: [{ id: 0, catalogItemId: 'DG7GMGF0DWTL:0001:DG7GMGF0DSJB', quantity: 2, billingCycle: BillingCycle.Monthly }],
  };
  const cart: Cart = await api.updateCart({ customerId, cartId, cartUpdate });

  const askFor404 = api.withPreMiddleware(async ({ url, init }) => ({ url, init: { ...init, headers: { ...init.headers, Prefer: 'code=404' } } }));
  let status = 0;
  let notFound: PartnerCenterError | undefined;
  try {
    await askFor404.updateCart({ customerId, cartId, cartUpdate });
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    status = thrown.status;
    notFound = PartnerCenterErrorFromJSON(await thrown.json());
  }
  const firstLine = cart.lineItems[0];
  console.log(JSON.stringify({
    cart: {
      id: cart.id,
      lineItemCount: cart.lineItems.length,
      firstCatalogItemId: firstLine === undefined ? null : firstLine.catalogItemId,
      creationTimestampIsDate: cart.creationTimestamp === undefined || cart.creationTimestamp instanceof Date,
    },
    notFound: { status, code: notFound === undefined ? null : notFound.code, description: notFound === undefined ? null : notFound.description },
  }));
}

main(process.argv[2] ?? '').catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
`;

const compilerOptions = {
  target: 'ES2022',
  module: 'commonjs',
  moduleResolution: 'node',
  lib: ['ES2022', 'DOM'],
  typeRoots: [resolve('node_modules/@types')],
  types: ['node'],
  strict: true,
  skipLibCheck: true,
  outDir: 'dist',
  noEmitOnError: true,
};

describe('typescript-fetch SDK (generated/sdks/typescript-fetch)', () => {
  let workDir = '';
  let prism: RunningPrism | undefined;

  beforeAll(async () => {
    if (!existsSync(sdkSource)) throw new Error(`${sdkSource} is missing: run \`npm run generate:sdks\` first.`);
    workDir = mkdtempSync(join(tmpdir(), 'sdk-ts-'));
    cpSync(sdkSource, join(workDir, 'sdk'), { recursive: true });
    writeFileSync(join(workDir, 'consumer.ts'), consumerSource);
    writeFileSync(join(workDir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }));
    prism = await startPrism({ specPath });
  });

  afterAll(async () => {
    await prism?.stop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('compiles with our TypeScript under strict settings', async () => {
    const compiled = await run(process.execPath, [tsc, '-p', join(workDir, 'tsconfig.json')]).catch((error: { stdout?: string }) => error);
    expect('stdout' in compiled ? compiled.stdout : '').toBe('');
    expect(existsSync(join(workDir, 'dist/consumer.js'))).toBe(true);
  });

  it('updates a cart against the Prism mock and reads back a typed 404 error', async () => {
    if (!prism) throw new Error('Prism did not start');
    const { stdout } = await run(process.execPath, [join(workDir, 'dist/consumer.js'), prism.url]);
    const result = JSON.parse(stdout) as {
      cart: { id: string; lineItemCount: number; firstCatalogItemId: string | null; creationTimestampIsDate: boolean };
      notFound: { status: number; code: unknown; description: string | null };
    };
    expect(result.cart.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.cart.lineItemCount).toBeGreaterThan(0);
    expect(result.cart.firstCatalogItemId).toEqual(expect.any(String));
    expect(result.cart.creationTimestampIsDate).toBe(true);
    expect(result.notFound.status).toBe(404);
    expect(result.notFound.code).toBe(800008);
    expect(result.notFound.description).toEqual(expect.any(String));
  });
});
