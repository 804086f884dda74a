/**
 * Hands items to the pipeline one batch at a time, in arrival order, so cursors only move forward
 * over what was really handed over. While closed (before the first session, and from a lost connection
 * until the gateway is back) live items are held; `reopen` first runs the catch-up, then releases them,
 * so a message posted during an outage is fetched before anything newer moves its channel's cursor.
 * Items that arrive while a batch is being handed over form the next batch.
 */
export class HandOverQueue<T> {
  private chain: Promise<void> = Promise.resolve();
  private held: T[] = [];
  private live: T[] = [];
  private open = false;
  private flushQueued = false;
  private closings = 0;

  constructor(
    private readonly deliver: (items: T[]) => Promise<void>,
    private readonly onError: (error: unknown, what: string) => void,
  ) {}

  /** Adds a live item: handed over soon if open, held until the next reopen if not. */
  push(item: T): void {
    if (!this.open) {
      this.held.push(item);
      return;
    }
    this.live.push(item);
    if (this.flushQueued) return;
    this.flushQueued = true;
    void this.enqueue('hand over', async () => {
      this.flushQueued = false;
      const batch = this.live;
      this.live = [];
      if (batch.length) await this.deliver(batch);
    });
  }

  /** Holds live items from now on (the connection dropped). */
  close(): void {
    this.open = false;
    this.closings++;
  }

  /**
   * Runs `catchUp` (after whatever is queued), then hands over the held items and opens. If the
   * connection dropped again meanwhile, stays closed: the next reopen catches up again.
   */
  reopen(catchUp?: () => Promise<void>): Promise<void> {
    const closings = this.closings;
    return this.enqueue('catch up', async () => {
      try {
        await catchUp?.();
      } finally {
        if (closings === this.closings) {
          this.open = true;
          const held = this.held;
          this.held = [];
          if (held.length) await this.deliver(held);
        }
      }
    });
  }

  /**
   * Runs `job` in turn with the hand-overs, open or closed (a catch-up running beside the live stream
   * hands over through here, so no two batches reach the pipeline at once). Its failure is the caller's.
   */
  run(job: () => Promise<void>): Promise<void> {
    const done = this.chain.then(job);
    this.chain = done.catch(() => undefined);
    return done;
  }

  /** Resolves when everything queued so far has been handed over. */
  idle(): Promise<void> {
    return this.chain;
  }

  private enqueue(what: string, job: () => Promise<void>): Promise<void> {
    this.chain = this.chain.then(job).catch((error) => this.onError(error, what));
    return this.chain;
  }
}
