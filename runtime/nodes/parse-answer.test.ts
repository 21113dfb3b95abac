import { localDate, parseTypedDate } from './parse-date.ts';
import { parseTypedNumber } from './parse-number.ts';
import { callingCodeOf, parseTypedPhone } from './parse-phone.ts';

/** A Monday. */
const MARCH_2026 = '2026-03-02';

describe('parseTypedNumber', () => {
  it.each<[string, 'es' | 'pt' | 'en', number | undefined]>([
    ['42', 'es', 42], ['1.500', 'es', 1500], ['1.500', 'en', 1.5], ['1,500', 'en', 1500], ['2,5', 'es', 2.5],
    ['2.5', 'es', 2.5], ['1.234.567,89', 'pt', 1234567.89], ['1,234,567.89', 'en', 1234567.89], ['0.500', 'es', 0.5],
    ['R$ 10,90', 'pt', 10.9], ['+7', 'es', 7], ['1.2.3', 'es', undefined], ['12,', 'es', undefined],
    ['doce', 'es', undefined], ['', 'es', undefined], ['1,5.3,2', 'es', undefined],
  ])('%s (%s) → %s', (text, language, expected) => {
    expect(parseTypedNumber(text, language)).toBe(expected);
  });
});

describe('parseTypedDate', () => {
  it.each<[string, string | undefined]>([
    ['24/12/2026', '2026-12-24'], ['24.12.2026', '2026-12-24'], ['1/2/2027', '2027-02-01'], ['12/24/2026', '2026-12-24'],
    ['24/12', '2026-12-24'], ['24 diciembre 2026', '2026-12-24'], ['24 de dic de 2026', '2026-12-24'],
    ['December 24 2026', '2026-12-24'], ['29/02/2028', '2028-02-29'], ['29/02/2026', undefined],
    ['32/01/2026', undefined], ['mañana', '2026-03-03'], ['pasado mañana', '2026-03-04'], ['hoy', '2026-03-02'],
    ['el lunes', '2026-03-09'], ['el próximo viernes', '2026-03-06'], ['Miércoles', '2026-03-04'], ['el domingo', '2026-03-08'],
    ['amanhã', '2026-03-03'], ['depois de amanhã', '2026-03-04'], ['segunda-feira', '2026-03-09'], ['na sexta', '2026-03-06'],
    ['tomorrow', '2026-03-03'], ['next friday', '2026-03-06'], ['el lunes 24', undefined], ['ayer', undefined], ['24 de diciembre y 25 de enero', undefined], ['13/13/2026', undefined],
  ])('%s → %s', (text, expected) => {
    expect(parseTypedDate(text, MARCH_2026)).toBe(expected);
  });
});

describe('localDate', () => {
  it("is the business's calendar date at an instant", () => {
    const instant = Date.UTC(2026, 7, 15, 2);
    expect(localDate(instant, 'UTC')).toBe('2026-08-15');
    expect(localDate(instant, 'America/Argentina/Buenos_Aires')).toBe('2026-08-14');
    expect(localDate(instant, 'Pacific/Kiritimati')).toBe('2026-08-15');
  });
});

describe('parseTypedPhone', () => {
  it.each<[string, string, string | undefined]>([
    ['11 5555-0123', '5491100000000', '541155550123'],
    ['011 5555-0123', '5491100000000', '541155550123'],
    ['54 9 11 2345 6789', '5491100000000', '5491123456789'],
    ['(11) 91234-5678', '5511900000000', '5511912345678'],
    ['212 555 0123', '12125550000', '12125550123'],
    ['+34 612 345 678', '5491100000000', '34612345678'],
    ['llamame', '5491100000000', undefined],
    ['+1 234', '5491100000000', undefined],
  ])('%s for contact %s → %s', (text, waId, expected) => {
    expect(parseTypedPhone(text, waId)).toBe(expected);
  });

  it('reads the calling code of a WhatsApp id', () => {
    expect([callingCodeOf('5491155550123'), callingCodeOf('12125550123'), callingCodeOf('351912345678'), callingCodeOf('79161234567')])
      .toEqual(['54', '1', '351', '7']);
  });
});
