// Run as a child process by the watchdog test: starts Prism through the harness, prints its pid as one
// JSON line, then waits to be killed (its teardown never runs, on purpose).
import { startPrism } from '../../src/mock/prism.js';

const specPath = process.argv[2];
if (!specPath) throw new Error('usage: prism-parent.ts <spec path>');
const prism = await startPrism({ specPath });
process.stdout.write(`${JSON.stringify({ pid: prism.pid, url: prism.url })}\n`);
setInterval(() => undefined, 60_000);
