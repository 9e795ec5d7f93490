import type { CallInfo, CartClientHooks } from './hooks.js';

/** Where the client writes its log lines; `console` fits. Every line names the request and correlation ids. */
export interface CartClientLogger {
  debug(line: string): void;
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

/** `debug`: every attempt sent and answered; `info`: error answers too; `warn`: retries; `error`: failed calls. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const RANK: Readonly<Record<LogLevel, number>> = { debug: 0, info: 1, warn: 2, error: 3 };

function ids(call: CallInfo): string {
  return `(requestId=${call.requestId}, correlationId=${call.correlationId})`;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * The logger as hooks. Lines are built from the events only, which carry no request headers: no token can reach a
 * line. Levels below `level` are not even formatted.
 */
export function loggerHooks(logger: CartClientLogger, level: LogLevel): CartClientHooks {
  const at = (wanted: LogLevel): boolean => RANK[wanted] >= RANK[level];
  return {
    request: at('debug') ? (event) => logger.debug(`${event.method} ${event.url} attempt ${event.attempt} sent ${ids(event)}`) : undefined,
    response: at('info')
      ? (event) => {
          const line = `${event.method} ${event.url} attempt ${event.attempt} answered ${event.status} in ${Math.round(event.durationMs)} ms ${ids(event)}`;
          if (event.status >= 400) logger.info(line);
          else if (at('debug')) logger.debug(line);
        }
      : undefined,
    retry: at('warn')
      ? (event) =>
          logger.warn(
            `${event.method} ${event.url} attempt ${event.attempt} failed (${event.status ?? event.reason}); ` +
              `${event.reason === 'unauthorized' ? 'resending with a new token' : `retrying in ${event.waitMs} ms`} ${ids(event)}`,
          )
      : undefined,
    error: (event) =>
      logger.error(
        `${event.method} ${event.url} failed after ${event.attempts} attempt${event.attempts === 1 ? '' : 's'} in ` +
          `${Math.round(event.durationMs)} ms: ${describe(event.error)} ${ids(event)}`,
      ),
  };
}
