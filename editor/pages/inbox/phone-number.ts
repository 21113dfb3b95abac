import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * A WhatsApp id (the phone number as digits) as people write it, grouped by its country's rules;
 * `+` and the digits when the number is not one libphonenumber knows.
 * @example phoneNumber('5491155550123') // '+54 9 11 5555 0123'
 */
export function phoneNumber(waId: string): string {
  return parsePhoneNumberFromString(`+${waId}`)?.formatInternational() ?? `+${waId}`;
}
