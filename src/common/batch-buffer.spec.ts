import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { BatchBuffer, type BatchBufferOptions } from './batch-buffer.js';

interface Seen {
  pathway: string;
  code: string;
}

const keyOf = ({ pathway, code }: Seen) => `${pathway}|${code}`;

describe('BatchBuffer', () => {
  let written: Seen[][];
  let warnings: string[];
  let failuresToCome: number;
  let buffer: BatchBuffer<Seen> | undefined;

  const start = (options: Partial<BatchBufferOptions<Seen>> = {}) => {
    buffer = new BatchBuffer<Seen>({
      name: 'impressions',
      write: (entries) => {
        if (failuresToCome > 0) {
          failuresToCome -= 1;
          return Promise.reject(new TypeError(`could not write ${JSON.stringify(entries)}`));
        }
        written.push(entries);
        return Promise.resolve();
      },
      keyOf,
      intervalMs: 1000,
      batchSize: 3,
      maxPending: 5,
      logger: { warn: (message) => warnings.push(message) },
      ...options,
    });
    return buffer;
  };
  const seen = (pathway: string, code = 'SCREEN_RED_FLAGS'): Seen => ({ pathway, code });

  beforeEach(() => {
    jest.useFakeTimers();
    written = [];
    warnings = [];
    failuresToCome = 0;
  });
  afterEach(async () => {
    await buffer?.close();
    buffer = undefined;
    jest.useRealTimers();
  });

  describe('addAndWait, for a producer of many entries', () => {
    it('returns at once below a batch, and once a batch is due, only after everything pending is written', async () => {
      const accessLog = start({ keyOf: undefined });
      await accessLog.addAndWait([seen('p1'), seen('p2')]);
      expect(written).toEqual([]);
      await accessLog.addAndWait([seen('p3'), seen('p4')]);
      expect(written.flat()).toEqual([seen('p1'), seen('p2'), seen('p3'), seen('p4')]);
    });

    it('rejects when the pending entries could not be written, keeping them for the next attempt', async () => {
      const accessLog = start({ keyOf: undefined });
      failuresToCome = 2; // the write the third entry sets off, and the one addAndWait waits for
      await expect(accessLog.addAndWait([seen('p1'), seen('p2'), seen('p3')])).rejects.toThrow(
        'impressions: the pending entries could not be written',
      );
      expect(written).toEqual([]);
      await accessLog.flush();
      expect(written.flat()).toEqual([seen('p1'), seen('p2'), seen('p3')]);
    });
  });

  it('writes nothing on add, and everything pending once a second, each key once, counting what is pending', async () => {
    const impressions = start();
    impressions.add(seen('p1'));
    impressions.add(seen('p1'));
    impressions.add(seen('p2'));
    await jest.advanceTimersByTimeAsync(999);
    expect(written).toEqual([]);
    expect(impressions.pendingCount).toBe(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(written).toEqual([[seen('p1'), seen('p2')]]);
    expect(impressions.pendingCount).toBe(0);
    await jest.advanceTimersByTimeAsync(5000);
    expect(written).toHaveLength(1);
  });

  it('keeps every entry when it has no key', async () => {
    const log = start({ keyOf: undefined });
    log.add(seen('p1'));
    log.add(seen('p1'));
    await log.flush();
    expect(written).toEqual([[seen('p1'), seen('p1')]]);
  });

  it('writes as soon as a batch is full, without waiting for the timer, in batches of at most batchSize', async () => {
    const impressions = start();
    impressions.add(seen('p1'));
    impressions.add(seen('p2'));
    expect(written).toEqual([]);
    impressions.add(seen('p3'));
    impressions.add(seen('p4'));
    await impressions.flush();
    expect(written).toEqual([[seen('p1'), seen('p2'), seen('p3')], [seen('p4')]]);
  });

  it('writes entries added during a write before flush resolves', async () => {
    let release = () => {};
    const writes: Seen[][] = [];
    const impressions = start({
      write: (entries) => {
        writes.push(entries);
        return writes.length === 1 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
      },
    });
    impressions.add(seen('p1'));
    const first = impressions.flush();
    impressions.add(seen('p2'));
    const second = impressions.flush();
    release();
    await Promise.all([first, second]);
    expect(writes).toEqual([[seen('p1')], [seen('p2')]]);
  });

  it('logs a failed write by count and error type only, and retries it on the next tick', async () => {
    failuresToCome = 1;
    const impressions = start();
    impressions.add(seen('p1'));
    impressions.add(seen('p2'));
    await jest.advanceTimersByTimeAsync(1000);
    expect(written).toEqual([]);
    expect(warnings).toEqual(['impressions: writing 2 entries failed (TypeError); 2 pending, retried on the next tick']);
    impressions.add(seen('p3'));
    await jest.advanceTimersByTimeAsync(1000);
    expect(written).toEqual([[seen('p1'), seen('p2'), seen('p3')]]);
  });

  it('does not retry on every add while writes fail, only on the next tick', async () => {
    let attempts = 0;
    const impressions = start({
      write: (entries) => {
        attempts += 1;
        if (attempts === 1) return Promise.reject(new TypeError('database down'));
        written.push(entries);
        return Promise.resolve();
      },
    });
    for (const pathway of ['p1', 'p2', 'p3']) impressions.add(seen(pathway));
    await jest.advanceTimersByTimeAsync(0);
    expect(attempts).toBe(1);
    impressions.add(seen('p4'));
    await jest.advanceTimersByTimeAsync(0);
    expect(attempts).toBe(1);
    await jest.advanceTimersByTimeAsync(1000);
    expect(written).toEqual([[seen('p1'), seen('p2'), seen('p3')], [seen('p4')]]);
  });

  it('drops the oldest entries beyond maxPending while writes fail, with a counted warning', async () => {
    failuresToCome = 2;
    const impressions = start();
    for (const pathway of ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']) impressions.add(seen(pathway));
    await jest.advanceTimersByTimeAsync(1000);
    expect(warnings).toContain('impressions: dropped the 2 oldest entries beyond 5 pending');
    await jest.advanceTimersByTimeAsync(1000);
    expect(written.flat()).toEqual(['p3', 'p4', 'p5', 'p6', 'p7'].map((pathway) => seen(pathway)));
  });

  it('writes what is pending on close and stops its timer', async () => {
    const impressions = start();
    impressions.add(seen('p1'));
    await impressions.close();
    expect(written).toEqual([[seen('p1')]]);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('counts in the log what it could not write on close', async () => {
    failuresToCome = 1;
    const impressions = start();
    impressions.add(seen('p1'));
    await impressions.close();
    expect(warnings.at(-1)).toBe('impressions: 1 entries not written at shutdown');
    expect(warnings.join('\n')).not.toContain('p1');
  });
});
