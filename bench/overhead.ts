import type { CartUpdate } from '../src/index.js';
import { cartWithLines } from './carts.js';
import {
  AXIOS,
  BARE_OPENAPI_FETCH,
  createContenders,
  GENERATED_SDK,
  RAW_FETCH,
  UNDICI_REQUEST,
  type AnyFetch,
  type Contender,
  type UpdateOnce,
} from './contenders.js';
import { startLoopbackServer } from './server-process.js';
import { median, round, summarise, type Summary } from './stats.js';
import { answeredCart } from './carts.js';

/*
 * Client overhead: the same cart updates through every contender, interleaved in rounds (the order rotates each
 * round) so that drift of the machine hits all of them alike. Ratios are taken within a round, then their median.
 */

export interface OverheadSettings {
  /** Updates per contender, per mode, per round. */
  updates: number;
  rounds: number;
  concurrency: number;
  /** Calls per contender in the in-memory run, per round. */
  inMemoryCalls: number;
}

export interface LoopbackRow {
  contender: string;
  mode: string;
  opsPerSecond: Summary;
  /** Median over rounds of (this contender's ops/s ÷ raw fetch's ops/s in the same round). */
  ratioToRawFetch: number;
  ratioToBareOpenapiFetch: number;
  /** Median over rounds of the ratio to each baseline of LOOPBACK_BASELINES, by name. */
  ratioTo: Record<string, number>;
}

/** The contenders every loopback result is also compared with. */
export const LOOPBACK_BASELINES = [RAW_FETCH, UNDICI_REQUEST, AXIOS, GENERATED_SDK] as const;

export interface InMemoryRow {
  contender: string;
  microsecondsPerCall: Summary;
  addedVsRawStub: number;
  addedVsBareOpenapiFetch: number;
}

/** Sends `total` updates with at most `concurrency` in flight and returns the updates per second. */
export async function opsPerSecond(update: UpdateOnce, cart: CartUpdate, total: number, concurrency: number): Promise<number> {
  let started = 0;
  const worker = async (): Promise<void> => {
    while (started < total) {
      started += 1;
      await update(cart);
    }
  };
  const begin = process.hrtime.bigint();
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  const seconds = Number(process.hrtime.bigint() - begin) / 1e9;
  return total / seconds;
}

function rotate<T>(items: readonly T[], by: number): T[] {
  const shift = by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

/** Runs every contender in every mode for `rounds` rounds; returns samples[contender][mode] = ops/s per round. */
async function measureRounds(
  contenders: readonly Contender[],
  modes: readonly { name: string; concurrency: number }[],
  settings: OverheadSettings,
  onRound: (round: number) => void,
): Promise<Map<string, number[]>> {
  const cart = cartWithLines(1);
  const samples = new Map<string, number[]>();
  // Warm-up: JIT, connection pools and the server's first answers, not recorded.
  for (const contender of contenders)
    for (const mode of modes) await opsPerSecond(contender.update, cart, Math.ceil(settings.updates / 4), mode.concurrency);
  for (let roundIndex = 0; roundIndex < settings.rounds; roundIndex += 1) {
    for (const contender of rotate(contenders, roundIndex)) {
      for (const mode of modes) {
        const key = `${contender.name}\u0000${mode.name}`;
        const list = samples.get(key) ?? [];
        list.push(await opsPerSecond(contender.update, cart, settings.updates, mode.concurrency));
        samples.set(key, list);
      }
    }
    onRound(roundIndex + 1);
  }
  return samples;
}

function ratioMedian(samples: Map<string, number[]>, contender: string, baseline: string, mode: string): number {
  const own = samples.get(`${contender}\u0000${mode}`) ?? [];
  const base = samples.get(`${baseline}\u0000${mode}`) ?? [];
  return median(own.map((value, index) => value / (base[index] as number)));
}

/** The loopback run: a server in a child process, every contender sequentially and at `concurrency`. */
export async function measureLoopback(settings: OverheadSettings, log: (line: string) => void): Promise<LoopbackRow[]> {
  const server = await startLoopbackServer();
  try {
    const contenders = await createContenders(server.baseUrl, (input, init) => fetch(input, init), false);
    const modes = [
      { name: 'sequential', concurrency: 1 },
      { name: `concurrency ${settings.concurrency}`, concurrency: settings.concurrency },
    ];
    const samples = await measureRounds(contenders, modes, settings, (done) => log(`  loopback round ${done}/${settings.rounds}`));
    return modes.flatMap((mode) =>
      contenders.map((contender) => ({
        contender: contender.name,
        mode: mode.name,
        opsPerSecond: summarise(samples.get(`${contender.name}\u0000${mode.name}`) ?? []),
        ratioToRawFetch: ratioMedian(samples, contender.name, RAW_FETCH, mode.name),
        ratioToBareOpenapiFetch: ratioMedian(samples, contender.name, BARE_OPENAPI_FETCH, mode.name),
        ratioTo: Object.fromEntries(
          LOOPBACK_BASELINES.map((baseline) => [baseline, ratioMedian(samples, contender.name, baseline, mode.name)]),
        ),
      })),
    );
  } finally {
    await server.stop();
  }
}

/** A `fetch` that answers at once with the server's cart: what is left is the cost of the client itself. */
export function stubFetch(): AnyFetch {
  const body = JSON.stringify(answeredCart());
  // With the request id Partner Center sends on every answer, which the client's response validation expects.
  const headers = { 'Content-Type': 'application/json; charset=utf-8', 'MS-RequestId': '4fa6dad6-a89f-4875-8247-8294a10ae1cf' };
  return async () => new Response(body, { status: 200, headers });
}

/** The in-memory run: every contender sequentially against the stub, as microseconds per call. */
export async function measureInMemory(settings: OverheadSettings, log: (line: string) => void): Promise<InMemoryRow[]> {
  const contenders = await createContenders('http://127.0.0.1:9', stubFetch(), true);
  const mode = [{ name: 'sequential', concurrency: 1 }];
  const samples = await measureRounds(contenders, mode, { ...settings, updates: settings.inMemoryCalls }, (done) =>
    log(`  in-memory round ${done}/${settings.rounds}`),
  );
  const micros = (name: string): number[] => (samples.get(`${name}\u0000sequential`) ?? []).map((ops) => 1e6 / ops);
  const rawStub = median(micros(RAW_FETCH));
  const bare = median(micros(BARE_OPENAPI_FETCH));
  return contenders.map((contender) => {
    const summary = summarise(micros(contender.name));
    return {
      contender: contender.name,
      microsecondsPerCall: summary,
      addedVsRawStub: round(summary.median - rawStub, 1),
      addedVsBareOpenapiFetch: round(summary.median - bare, 1),
    };
  });
}
