/*
 * A workload to profile: `node --cpu-prof --cpu-prof-dir=<dir> --import tsx bench/profile-client.ts [contender]`
 * sends cart updates at concurrency 32 to the loopback server through one contender (default: our client), and
 * `npx tsx bench/profile-summary.ts <dir>` then ranks where its time went. The findings are in profile-notes.md.
 */
import { cartWithLines } from './carts.js';
import { createContenders } from './contenders.js';
import { fixesPair } from './fixes-cost.js';
import { startLoopbackServer } from './server-process.js';

const UPDATES = Number(process.env.PROFILE_UPDATES ?? 20_000);
/** Updates in flight: `bench/profile-client.ts <contender> 1` profiles the sequential mode. */
const CONCURRENCY = Number(process.argv[3] ?? 32);

async function main(): Promise<void> {
  const name = process.argv[2] ?? 'createCartClient (validation on)';
  const server = await startLoopbackServer();
  try {
    const viaFetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => fetch(input, init);
    const { before, after } = await fixesPair(server.baseUrl, viaFetch);
    const contenders = [...(await createContenders(server.baseUrl, viaFetch, false)), before, after];
    const contender = contenders.find((candidate) => candidate.name === name);
    if (!contender) throw new Error(`no contender named ${name}`);
    const cart = cartWithLines(1);
    let started = 0;
    const begin = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (started < UPDATES) {
          started += 1;
          await contender.update(cart);
        }
      }),
    );
    console.log(`${name}: ${Math.round(UPDATES / ((performance.now() - begin) / 1000))} updates/s`);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
