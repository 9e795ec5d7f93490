/*
 * The loopback server of the overhead benchmark, run in its own process (see server-process.ts) so that its work
 * does not share an event loop with the clients being measured. It answers every PUT with the same serialised cart
 * after reading the request body, and tells its parent the port over IPC.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answeredCart } from './carts.js';

const body = Buffer.from(JSON.stringify(answeredCart()));

const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    if (request.method !== 'PUT') {
      response.writeHead(405, { Allow: 'PUT' }).end();
      return;
    }
    // Partner Center echoes the request id on every answer; the client's response validation expects it.
    const requestId = request.headers['ms-requestid'] ?? '4fa6dad6-a89f-4875-8247-8294a10ae1cf';
    response
      .writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length, 'MS-RequestId': requestId })
      .end(body);
  });
});
// Keep-alive longer than any pause between rounds, so every round reuses warm connections.
server.keepAliveTimeout = 60_000;

server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
// The parent going away (even by SIGKILL) closes the IPC channel: never outlive it.
process.on('disconnect', () => process.exit(0));
