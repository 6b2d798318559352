/**
 * A first-in, first-out async mutex: `run` calls never overlap, and they start in the order
 * they were queued. Platform-neutral (no Node APIs), so the PGlite adapter can also run in a
 * browser.
 */
export class Mutex {
  #tail: Promise<unknown> = Promise.resolve();
  #waiting = 0;

  /** How many calls are queued or running. */
  get pending(): number {
    return this.#waiting;
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    this.#waiting += 1;
    const result = this.#tail.then(work);
    // The next caller waits for this one to settle, whatever its outcome.
    this.#tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result.finally(() => {
      this.#waiting -= 1;
    });
  }
}
