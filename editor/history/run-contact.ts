import { phoneNumber } from '../pages/inbox/phone-number.ts';

/**
 * How the history names a run's contact: the profile name, with the number beside it. The number is
 * shown as WhatsApp's digits grouped by country, or as the server sent it when masked for testers
 * (`5491•••••0123`) or when it is a business-scoped user id.
 */
export function runContact(run: { waId: string; contactName: string | null }): { title: string; detail: string } {
  const number = /^\d+$/.test(run.waId) ? phoneNumber(run.waId) : run.waId;
  return run.contactName ? { title: run.contactName, detail: number } : { title: number, detail: '' };
}
