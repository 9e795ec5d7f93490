import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { Cart, CartUpdate } from '../src/index.js';

/*
 * The generated typescript-fetch SDK is CommonJS-era TypeScript outside our tsconfig, so it is bundled with esbuild
 * into a temporary ES module and loaded at run time. These types describe the part of its API the benchmark calls.
 */

export interface GeneratedCartsApi {
  updateCart(request: { customerId: string; cartId: string; cartUpdate: CartUpdate }): Promise<Cart>;
}

interface GeneratedSdkModule {
  Configuration: new (parameters: { basePath: string; fetchApi: typeof fetch; accessToken: string }) => object;
  CartsApi: new (configuration: object) => GeneratedCartsApi;
}

const ENTRY = 'generated/sdks/typescript-fetch/src/index.ts';

/** Loads the generated SDK and returns a factory of its `CartsApi` for a base URL and a `fetch`. */
export async function loadGeneratedSdk(): Promise<(basePath: string, fetchApi: typeof fetch, accessToken: string) => GeneratedCartsApi> {
  const directory = await mkdtemp(join(tmpdir(), 'bench-sdk-'));
  try {
    const outfile = join(directory, 'sdk.mjs');
    await build({ entryPoints: [ENTRY], bundle: true, format: 'esm', platform: 'node', outfile, logLevel: 'error' });
    const sdk = (await import(pathToFileURL(outfile).href)) as GeneratedSdkModule;
    return (basePath, fetchApi, accessToken) => new sdk.CartsApi(new sdk.Configuration({ basePath, fetchApi, accessToken }));
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
