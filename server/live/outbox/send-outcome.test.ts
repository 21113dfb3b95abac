import { sendOutcome } from './send-outcome.ts';

const settings = { retryBaseMs: 1000, retryMaxMs: 3_600_000, maxAttempts: 8 };
const failure = (code: number | null, httpStatus: number | null = 400) => ({ ok: false as const, code, httpStatus, message: 'x' });

describe('sendOutcome', () => {
  it.each([130429, 131056, 131000, 131016, 1, 2])('retries the transient code %i', (code) => {
    expect(sendOutcome(failure(code), 1, settings, 0)).toMatchObject({ kind: 'retry', code, pauseNumber: code === 130429 });
  });

  it.each([131047, 131026, 100, 131008, 131009, 132000, 132012, 132016, 132068, 132069])('never retries the permanent code %i', (code) => {
    expect(sendOutcome(failure(code), 1, settings, 0)).toMatchObject({ kind: 'failed', code });
  });

  it('decides on the HTTP status only when there is no Graph code: 5xx and network errors retry', () => {
    expect(sendOutcome(failure(null, 502), 1, settings, 0).kind).toBe('retry');
    expect(sendOutcome(failure(null, null), 1, settings, 0).kind).toBe('retry');
    expect(sendOutcome(failure(null, 404), 1, settings, 0).kind).toBe('failed');
  });

  it('waits 4^n times the base, capped, and gives up after the last attempt', () => {
    expect(sendOutcome(failure(131000), 1, settings, 10)).toMatchObject({ nextAttemptAt: 1010 });
    expect(sendOutcome(failure(131000), 3, settings, 0)).toMatchObject({ delayMs: 16_000 });
    expect(sendOutcome(failure(131000), 7, settings, 0)).toMatchObject({ delayMs: 3_600_000 });
    expect(sendOutcome(failure(131000), 8, settings, 0).kind).toBe('failed');
  });

  it('records the returned wamid', () => {
    expect(sendOutcome({ ok: true, wamid: 'wamid.X' }, 1, settings, 0)).toEqual({ kind: 'sent', wamid: 'wamid.X' });
  });
});
