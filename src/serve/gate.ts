// A bound on the files handled at once: the others wait their turn in order; when too many
// wait, or one waits too long, it is told to come back later (503 with Retry-After).

export class GateBusy extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('busy');
  }
}

export class Gate {
  private active = 0;
  private readonly waiting: { admit: () => void; timer: NodeJS.Timeout }[] = [];

  constructor(
    private readonly maxActive: number,
    private readonly maxWaiting: number,
    private readonly maxWaitMs: number,
  ) {}

  /** Resolves with the function that ends the turn; rejects with GateBusy. */
  enter(): Promise<() => void> {
    const release = (): void => {
      this.active--;
      const next = this.waiting.shift();
      if (next) {
        clearTimeout(next.timer);
        next.admit();
      }
    };
    if (this.active < this.maxActive) {
      this.active++;
      return Promise.resolve(once(release));
    }
    if (this.waiting.length >= this.maxWaiting) return Promise.reject(new GateBusy(this.retryAfter()));
    return new Promise((resolve, reject) => {
      const entry = {
        admit: () => {
          this.active++;
          resolve(once(release));
        },
        timer: setTimeout(() => {
          const i = this.waiting.indexOf(entry);
          if (i >= 0) this.waiting.splice(i, 1);
          reject(new GateBusy(this.retryAfter()));
        }, this.maxWaitMs),
      };
      this.waiting.push(entry);
    });
  }

  /** A rough wait before trying again: the time it takes the queue to move, at least 5 s. */
  private retryAfter(): number {
    return Math.max(5, Math.ceil(this.maxWaitMs / 1000 / 2));
  }
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}
