import type { Sleep } from '../../adapters/x/x-context';

/**
 * A clock that only moves when the code under test sleeps: waits are recorded and return at once, so a
 * test can check that the code waited for a rate-limit reset (and how long) without really waiting.
 * Waits for which `blockWhen` is true (the poll loop's interval) last until their signal aborts.
 */
export function fakeTime(start: Date, blockWhen: (ms: number) => boolean = () => false) {
  let nowMs = start.getTime();
  const waits: number[] = [];
  const sleep: Sleep = async (ms, signal) => {
    if (signal.aborted) throw new Error('aborted');
    waits.push(ms);
    if (blockWhen(ms)) {
      await new Promise((_, reject) =>
        signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }),
      );
    }
    nowMs += ms;
  };
  return {
    now: () => new Date(nowMs),
    advance: (ms: number) => void (nowMs += ms),
    waits,
    sleep,
  };
}

export type FakeTime = ReturnType<typeof fakeTime>;
