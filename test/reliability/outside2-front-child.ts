import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startServiceFront } from '../../src/mock/service-front.js';

/*
 * Child of outside2-cli.test.ts: the cart mock's front (src/mock/service-front.ts) before a stand-in upstream that
 * answers 200 to everything, in a process of its own, so that a crash ends only this process. Prints the front's
 * URL, then serves until it gets SIGTERM (or its stdin closes: the parent is gone).
 */

const upstream = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ upstream: true, path: request.url }));
  });
});
await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
const front = await startServiceFront({ upstream: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}` });
const stop = (): void => {
  void front.stop().then(() => upstream.close(() => process.exit(0)));
};
process.once('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
console.log(JSON.stringify({ url: front.url }));
