import { sendOutcome } from './send-outcome.ts';

const settings = { retryBaseMs: 1000, retryMaxMs: 3_600_000, maxAttempts: 8, uncertainGraceMs: 120_000 };
const failure = (code: number | null, httpStatus: number | null = 400) => ({ ok: false as const, code, httpStatus, message: 'x' });

describe('sendOutcome', () => {
  it.each([131000, 131016, 1, 2])('retries the transient code %i up to the attempt limit', (code) => {
    expect(sendOutcome(failure(code), 1, settings, 0)).toMatchObject({ kind: 'retry', code, pauseNumber: false });
    expect(sendOutcome(failure(code), 8, settings, 0)).toMatchObject({ kind: 'failed', code });
  });

  it.each([4, 80007, 130429, 131056])('retries the rate limit %i forever, pausing the number unless it is one pair (131056)', (code) => {
    expect(sendOutcome(failure(code), 1, settings, 0)).toMatchObject({ kind: 'retry', code, pauseNumber: code !== 131056 });
    expect(sendOutcome(failure(code), 50, settings, 0)).toMatchObject({ kind: 'retry', delayMs: settings.retryMaxMs });
  });

  it.each([190, 368, 131031, 10, 200, 133010])('pauses the channel on %i, which no retry of one message fixes', (code) => {
    expect(sendOutcome(failure(code), 1, settings, 0)).toMatchObject({ kind: 'pause_channel', code });
  });

  it('holds a message refused for the closed 24-hour window (131047)', () => {
    expect(sendOutcome(failure(131047), 1, settings, 0)).toMatchObject({ kind: 'window_closed', code: 131047 });
  });

  it.each([131026, 131051, 100, 131008, 131009, 132000, 132012, 132016, 132068, 132069])('fails the message for good on %i', (code) => {
    expect(sendOutcome(failure(code), 1, settings, 0)).toMatchObject({ kind: 'failed', code });
  });

  it('decides on the HTTP status only when there is no Graph code: 5xx and network errors retry', () => {
    expect(sendOutcome(failure(null, 502), 1, settings, 0).kind).toBe('retry');
    expect(sendOutcome(failure(null, null), 1, settings, 0).kind).toBe('retry');
    expect(sendOutcome(failure(null, 404), 1, settings, 0).kind).toBe('failed');
    expect(sendOutcome(failure(null, 429), 99, settings, 0).kind).toBe('retry');
    expect(sendOutcome(failure(null, 401), 1, settings, 0).kind).toBe('pause_channel');
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
