import type { Policy } from './pipeline.js';

/** Asks for localised error descriptions with `X-Locale` (a per-call header wins). */
export function localePolicy(locale: string): Policy {
  return {
    name: 'localePolicy',
    send(exchange, next) {
      if (!exchange.headers.has('X-Locale')) exchange.headers.set('X-Locale', locale);
      return next(exchange);
    },
  };
}
