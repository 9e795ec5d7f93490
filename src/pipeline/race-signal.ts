/**
 * `work`, unless `signal` aborts first: then it rejects at once with the signal's reason. For work the client does
 * not control (a token provider), which may ignore the signal it is given and never settle.
 */
export function raceSignal<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    // The listener goes as soon as the work settles, so a long-lived signal does not collect them.
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
