/**
 * One queue per cart: work for the same cart runs one at a time, in arrival order, so two updates can
 * never interleave their read and write. Work for different carts runs in parallel.
 */
export class CartLocks {
  private readonly tails = new Map<string, Promise<void>>();

  /** True while some work holds or waits for the cart. */
  isBusy(key: string): boolean {
    return this.tails.has(key);
  }

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release: () => void = () => undefined;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    await previous;
    try {
      return await work();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
