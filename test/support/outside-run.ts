import { inspect } from 'node:util';
import { afterEach } from 'vitest';
import { type Handler, type HostileServer, startHostileServer } from './hostile-server.js';

/*
 * Helpers of the outside run (test/reliability/outside-*.test.ts): every server a test starts is closed after it,
 * and a value is looked at in every form a token could leak through.
 */

/** Registers an afterEach that closes every server the returned function started during the test. */
export function serversClosedAfterEach(): (handler: Handler) => Promise<HostileServer> {
  const open = new Set<HostileServer>();
  afterEach(async () => {
    await Promise.all([...open].map((server) => server.close()));
    open.clear();
  });
  return async (handler) => {
    const server = await startHostileServer(handler);
    open.add(server);
    return server;
  };
}

/** `value` as String, its message and stack, JSON.stringify and util.inspect (hidden properties, causes) show it. */
export function everyRendering(value: unknown): string {
  const { message = '', stack = '' } = (typeof value === 'object' && value !== null ? value : {}) as Partial<Error>;
  return `${String(value)}\n${message}\n${stack}\n${JSON.stringify(value)}\n${inspect(value, { depth: 10, showHidden: true })}`;
}
