import { secretMasker } from '../../../runtime/core/secret-forms.ts';

/** What a secret's value reads as wherever a trial shows it. */
export const SECRET_MASK = '••••';

/** Shorter values are too likely to occur by chance (a "1" in a price) to be masked in text. */
const MIN_MASKED_LENGTH = 3;

/**
 * Masks every secret in text, longest form first (so a secret containing another is masked whole),
 * literal or as an echoing server may transform it (base64, base64url, URL-encoded, hex).
 * Used on everything a trial returns that the request or the remote server may have filled:
 * a variable's value can equal a secret, and a server may echo its Authorization header.
 * @example secretMask({ TOKEN: 's3cr3t' })('Bearer s3cr3t') // 'Bearer ••••'
 */
export function secretMask(secrets: Readonly<Record<string, string>>): (text: string) => string {
  return secretMasker(secrets, SECRET_MASK, MIN_MASKED_LENGTH);
}

/** The same secret names, each with the mask as its value: templates rendered with these show where a secret goes. */
export function maskedSecrets(secrets: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.keys(secrets).map((name) => [name, SECRET_MASK]));
}
