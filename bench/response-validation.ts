/*
 * npx tsx bench/response-validation.ts: what `validateResponses` costs. The typed client sends the same cart update
 * with responses 'off', 'report' (the default) and 'strict', against the loopback server of the overhead benchmark
 * (32 in flight) and against an in-memory stub (one at a time), interleaved in rounds whose order rotates, so drift
 * of the machine hits all modes alike. Prints ops/s per mode and the median per-round ratio to 'off'.
 */
import { answerJudge } from '../src/drift/validate-responses.js';
import { createCartClient, type ResponseValidationMode } from '../src/index.js';
import { answeredCart, CART_ID, cartWithLines, CUSTOMER_ID, TOKEN } from './carts.js';
import { startLoopbackServer } from './server-process.js';
import { median, round } from './stats.js';

const MODES: readonly ResponseValidationMode[] = ['off', 'report', 'strict'];
const ROUNDS = Number(process.env.ROUNDS ?? 7);
const ONLY_JUDGE = process.argv.includes('--judge-only');
const UPDATES = Number(process.env.UPDATES ?? 1500);

type AnyFetch = (input: string, init: RequestInit) => Promise<Response>;

function stubFetch(): AnyFetch {
  const body = JSON.stringify(answeredCart());
  const headers = { 'Content-Type': 'application/json; charset=utf-8', 'MS-RequestId': '4fa6dad6-a89f-4875-8247-8294a10ae1cf' };
  return async () => new Response(body, { status: 200, headers });
}

async function opsPerSecond(baseUrl: string, fetchImpl: AnyFetch, mode: ResponseValidationMode, concurrency: number): Promise<number> {
  const client = createCartClient({
    credential: TOKEN,
    baseUrl,
    fetch: fetchImpl,
    validateResponses: mode,
    onResponseDeviation: () => {
      throw new Error('the benchmark answer must conform; a deviation would measure the logger');
    },
  });
  const cart = cartWithLines(1);
  let started = 0;
  const worker = async (): Promise<void> => {
    while (started < UPDATES) {
      started += 1;
      await client.updateCart(CUSTOMER_ID, CART_ID, cart);
    }
  };
  const begin = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return UPDATES / (Number(process.hrtime.bigint() - begin) / 1e9);
}

async function measure(label: string, baseUrl: string, fetchImpl: AnyFetch, concurrency: number): Promise<void> {
  const samples = new Map<ResponseValidationMode, number[]>(MODES.map((mode) => [mode, []]));
  const ratios = new Map<ResponseValidationMode, number[]>(MODES.map((mode) => [mode, []]));
  await opsPerSecond(baseUrl, fetchImpl, 'off', concurrency); // warm-up
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = MODES.map((_, index) => MODES[(index + round) % MODES.length] as ResponseValidationMode);
    const thisRound = new Map<ResponseValidationMode, number>();
    for (const mode of order) thisRound.set(mode, await opsPerSecond(baseUrl, fetchImpl, mode, concurrency));
    for (const mode of MODES) {
      samples.get(mode)?.push(thisRound.get(mode) ?? 0);
      ratios.get(mode)?.push((thisRound.get(mode) ?? 0) / (thisRound.get('off') ?? 1));
    }
  }
  console.log(`${label} (${ROUNDS} rounds x ${UPDATES} updates, ${concurrency} in flight)`);
  for (const mode of MODES) {
    console.log(
      `  ${mode.padEnd(6)} ${String(round(median(samples.get(mode) ?? []), 0)).padStart(7)} ops/s  ratio to off ${round(median(ratios.get(mode) ?? []), 3)}`,
    );
  }
}

/** The judging alone, in CPU time (robust on a loaded machine): what 'report' adds to each typed call. */
function judgeAlone(calls: number): void {
  const judge = answerJudge('report', () => {
    throw new Error('the benchmark answer must conform');
  });
  const cart = answeredCart();
  const response = new Response(null, {
    status: 200,
    headers: { 'Content-Type': 'application/json', 'MS-RequestId': '4fa6dad6-a89f-4875-8247-8294a10ae1cf' },
  });
  for (let index = 0; index < 1000; index += 1) judge(response, cart);
  const before = process.cpuUsage();
  for (let index = 0; index < calls; index += 1) judge(response, cart);
  const used = process.cpuUsage(before);
  console.log(`judging one answer alone: ${round((used.user + used.system) / calls, 2)} µs of CPU (${calls} answers)`);
}

judgeAlone(50_000);
if (ONLY_JUDGE) process.exit(0);
const server = await startLoopbackServer();
try {
  await measure('loopback HTTP', server.baseUrl, (input, init) => fetch(input, init), 32);
} finally {
  await server.stop();
}
await measure('in memory', 'http://127.0.0.1:9', stubFetch(), 1);
