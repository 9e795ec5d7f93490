import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The child's file descriptor that holds the pipe to the parent (stdio index 3). */
export const WATCHDOG_FD = 3;

/*
 * Preloaded with `node -r` inside the Prism process. It reads the extra stdio pipe the parent holds
 * open; the pipe reaches end-of-file only when the parent closes it or dies (even by SIGKILL, when no
 * teardown runs), and then Prism exits instead of living on as an orphan. It is plain CommonJS kept as
 * text because it must run under bare `node`, whether this package runs from TypeScript sources (tsx,
 * vitest) or from `dist/`: a `.ts` file can't be preloaded by node 20 and tsc does not copy `.cjs` files.
 */
const WATCHDOG_SOURCE = `'use strict';
const net = require('node:net');
let pipe;
try {
  pipe = new net.Socket({ fd: ${WATCHDOG_FD}, readable: true, writable: false });
} catch {
  // Started without the parent pipe (e.g. by hand): nothing to watch.
}
if (pipe) {
  const exitWithParent = () => process.exit(0);
  pipe.on('data', () => {});
  pipe.on('end', exitWithParent);
  pipe.on('close', exitWithParent);
  pipe.on('error', exitWithParent);
  pipe.unref();
}
`;

/**
 * Writes the watchdog to the temp directory once per content version and returns its path.
 * The name carries a hash of the source, so concurrent test workers write identical bytes and the
 * rename makes each write atomic.
 */
export function watchdogScriptPath(): string {
  const hash = createHash('sha256').update(WATCHDOG_SOURCE).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), 'partner-center-cart-contract');
  const path = join(dir, `prism-watchdog-${hash}.cjs`);
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    const partial = `${path}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(partial, WATCHDOG_SOURCE);
    renameSync(partial, path);
  }
  return path;
}
