import type { PacingClock } from '../shared/resources/pacing';

/**
 * Simulated time for the sweep benches: `sleep` schedules a timer on a heap, and `run` advances the clock to the next
 * timer only once every promise chain is idle (one macrotask turn drains the microtask queue). The code under test runs
 * unchanged; only its clock and sleeps are injected.
 */
export class SimulatedTime implements PacingClock {
  /** Epoch ms where the simulation starts (engine dates and pacing deadlines share this clock). */
  readonly start = Date.UTC(2026, 0, 1);
  private current = this.start;
  private sequence = 0;
  private readonly heap: { at: number; seq: number; wake: () => void }[] = [];

  now(): number {
    return this.current;
  }

  date = (): Date => new Date(this.current);

  /** Simulated seconds since the start. */
  elapsedSeconds(at = this.current): number {
    return (at - this.start) / 1000;
  }

  sleep = (ms: number): Promise<void> =>
    new Promise<void>((wake) => {
      this.push({ at: this.current + Math.max(0, ms), seq: this.sequence++, wake });
    });

  /** Runs until `done()` holds, no timer is left, or `limitMs` of simulated time (since the start) has passed. */
  async run(done: () => boolean, limitMs: number): Promise<void> {
    for (;;) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (done() || this.heap.length === 0) return;
      const next = this.pop();
      if (next.at - this.start > limitMs) return;
      this.current = next.at;
      next.wake();
    }
  }

  private less(a: number, b: number): boolean {
    const x = this.heap[a];
    const y = this.heap[b];
    return x.at < y.at || (x.at === y.at && x.seq < y.seq);
  }

  private push(item: { at: number; seq: number; wake: () => void }): void {
    const heap = this.heap;
    heap.push(item);
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  }

  private pop(): { at: number; seq: number; wake: () => void } {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && this.less(l, m)) m = l;
        if (r < heap.length && this.less(r, m)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    }
    return top;
  }
}
