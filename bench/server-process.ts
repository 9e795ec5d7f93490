import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface LoopbackServer {
  readonly baseUrl: string;
  stop(): Promise<void>;
}

const SCRIPT = fileURLToPath(new URL('./loopback-server.ts', import.meta.url));

/** Starts loopback-server.ts in a child process (through tsx) and resolves once it listens. */
export function startLoopbackServer(): Promise<LoopbackServer> {
  const child = fork(SCRIPT, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error('the loopback server did not report a port within 10 s; run `npx tsx bench/loopback-server.ts` to see why'));
    }, 10_000);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the loopback server exited before listening (code ${code}, signal ${signal})`));
    });
    child.once('message', (message: { port: number }) => {
      clearTimeout(timer);
      resolve({ baseUrl: `http://127.0.0.1:${message.port}`, stop });
    });
  });
}
