import type { Contact } from './types.ts';

/**
 * Where replies to `contact` go and what keys their conversation: the phone number when WhatsApp gives
 * it (Meta recommends it, so later webhooks keep carrying the number), else the business-scoped user id.
 * @example contactAddress({ waId: '', userId: 'US.13491208655302741918' }) // 'US.13491208655302741918'
 */
export function contactAddress(contact: Pick<Contact, 'waId' | 'userId'>): string {
  return contact.waId !== '' ? contact.waId : contact.userId ?? '';
}
