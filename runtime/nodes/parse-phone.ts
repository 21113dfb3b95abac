/** Two-digit country calling codes (ITU); 1 and 7 are one digit, every other code three. */
const TWO_DIGIT_CODES = new Set([
  '20', '27', '30', '31', '32', '33', '34', '36', '39', '40', '41', '43', '44', '45', '46', '47', '48', '49',
  '51', '52', '53', '54', '55', '56', '57', '58', '60', '61', '62', '63', '64', '65', '66',
  '81', '82', '84', '86', '90', '91', '92', '93', '94', '95', '98',
]);

/**
 * The country calling code a WhatsApp id starts with.
 * @example callingCodeOf('5491155550123') // '54'
 */
export function callingCodeOf(waId: string): string | undefined {
  if (!/^\d{4,}$/.test(waId)) return undefined;
  if (waId[0] === '1' || waId[0] === '7') return waId[0];
  return TWO_DIGIT_CODES.has(waId.slice(0, 2)) ? waId.slice(0, 2) : waId.slice(0, 3);
}

/** E.164 allows at most 15 digits; fewer than 8 is not a reachable number anywhere. */
const MIN_DIGITS = 8;
const MAX_DIGITS = 15;
/** A number without `+` this long that already starts with the contact's code is taken as international. */
const MIN_INTERNATIONAL_DIGITS = 11;

/**
 * A phone number typed by a person, as digits with the country code, or undefined.
 * `+` or `00` marks an international number; otherwise the contact's own country code
 * is put in front (after dropping a trunk `0`).
 * @example parseTypedPhone('11 5555-0123', '5491100000000') // '541155550123'
 * @example parseTypedPhone('+55 (11) 91234-5678', '5491100000000') // '5511912345678'
 */
export function parseTypedPhone(text: string, contactWaId: string): string | undefined {
  const trimmed = text.trim();
  if (!/^\+?[\d\s().\-/]+$/.test(trimmed)) return undefined;
  let digits = trimmed.replace(/\D/g, '');
  const international = trimmed.startsWith('+') || digits.startsWith('00');
  if (digits.startsWith('00')) digits = digits.slice(2);
  if (!international) {
    const code = callingCodeOf(contactWaId);
    const hasCode = code !== undefined && digits.startsWith(code) && digits.length >= MIN_INTERNATIONAL_DIGITS;
    if (code !== undefined && !hasCode) digits = code + digits.replace(/^0+/, '');
  }
  return digits.length >= MIN_DIGITS && digits.length <= MAX_DIGITS ? digits : undefined;
}
