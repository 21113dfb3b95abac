import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * A WhatsApp id (the phone number as digits) as people write it, grouped by its country's rules;
 * `+` and the digits when the number is not one libphonenumber knows.
 * @example phoneNumber('5491155550123') // '+54 9 11 5555 0123'
 */
export function phoneNumber(waId: string): string {
  return parsePhoneNumberFromString(`+${waId}`)?.formatInternational() ?? `+${waId}`;
}

/**
 * How the inbox names a contact: the profile name, else the username (`@sofi`), else the phone number;
 * `detail` adds the username and phone the title does not show. A contact whose number WhatsApp withholds
 * is known by username (or, without one, by its business-scoped user id).
 * @example contactLabel({ waId: 'AR.44912', username: 'sofi', contactName: 'Sofía' }) // { title: 'Sofía', detail: '@sofi' }
 */
export function contactLabel(contact: { waId: string; username?: string | null; contactName: string | null }): { title: string; detail: string } {
  const phone = /^\d+$/.test(contact.waId) ? phoneNumber(contact.waId) : '';
  const handle = contact.username ? `@${contact.username.replace(/^@/, '')}` : '';
  const title = contact.contactName ?? (handle || phone || contact.waId);
  return { title, detail: [handle, phone].filter((part) => part !== '' && part !== title).join(' · ') };
}
