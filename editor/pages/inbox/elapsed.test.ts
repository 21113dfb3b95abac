import { relativeTime } from '../../i18n/relative-time.ts';
import { duration } from './elapsed.ts';
import { phoneNumber } from './phone-number.ts';

const MINUTE = 60_000;
const now = Date.UTC(2026, 10, 24, 20, 0);

describe('inbox times and numbers', () => {
  it('says how long ago, short and localized', () => {
    expect(relativeTime(now - 20_000, now, 'es')).toBe('ahora');
    expect(relativeTime(now - 5 * MINUTE, now, 'es')).toBe('hace 5 min');
    expect(relativeTime(now - 3 * 60 * MINUTE, now, 'pt')).toBe('há 3 h');
    expect(relativeTime(now - 26 * 60 * MINUTE, now, 'en')).toBe('yesterday');
    expect(relativeTime(now + 5_000, now, 'en')).toBe('now');
  });

  it('gives a waiting time in its two largest units, never zero', () => {
    expect(duration(10_000, 'es')).toBe('1 min');
    expect(duration(12 * MINUTE, 'es')).toBe('12 min');
    expect(duration(65 * MINUTE, 'es')).toBe('1 h 5 min');
    expect(duration(120 * MINUTE, 'en')).toBe('2 hr');
    expect(duration((2 * 24 + 3) * 60 * MINUTE, 'pt')).toBe('2 dias 3 h');
  });

  it('writes a wa_id as a phone number of its country, or +digits when unknown', () => {
    expect(phoneNumber('5491155550123')).toBe('+54 9 11 5555 0123');
    expect(phoneNumber('5511987654321')).toBe('+55 11 98765 4321');
    expect(phoneNumber('14155550123')).toBe('+1 415 555 0123');
    expect(phoneNumber('999')).toBe('+999');
  });
});
