import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Stored values that start with this are encrypted; anything else is a plaintext value from before. */
const SEALED_PREFIX = 'enc:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const SECRET_KEY_BYTES = 32;

export class SecretDecryptionError extends Error {
  override name = 'SecretDecryptionError';
}

/**
 * Encrypts channel secrets for the database with AES-256-GCM (node:crypto): a random 96-bit IV per
 * value, the authentication tag kept with it, and a versioned prefix so a value can say how it was
 * sealed (and plaintext values from before encryption are recognised and migrated).
 * Format: `enc:v1:<iv base64url>.<tag base64url>.<ciphertext base64url>`.
 * @example const box = new SecretBox(key); box.open(box.seal('EAAG…')) // 'EAAG…'
 */
export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== SECRET_KEY_BYTES) throw new Error(`the secret key must be ${SECRET_KEY_BYTES} bytes`);
  }

  static isSealed(stored: string): boolean {
    return stored.startsWith(SEALED_PREFIX);
  }

  seal(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${SEALED_PREFIX}${[iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url')).join('.')}`;
  }

  /** The plaintext of a sealed value; a legacy plaintext value comes back as it is. */
  open(stored: string): string {
    if (!SecretBox.isSealed(stored)) return stored;
    const [iv, tag, ciphertext] = stored.slice(SEALED_PREFIX.length).split('.').map((part) => Buffer.from(part, 'base64url'));
    if (!iv || !tag || !ciphertext || iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
      throw new SecretDecryptionError('a stored secret is not in the enc:v1 format');
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretDecryptionError('a stored secret does not decrypt with this key');
    }
  }
}

/**
 * A key as CHARLA_SECRET_KEY gives it: 32 bytes in base64 (44 characters) or hex (64); undefined
 * when it is neither.
 */
export function parseSecretKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) {
    const key = Buffer.from(trimmed, trimmed.includes('-') || trimmed.includes('_') ? 'base64url' : 'base64');
    if (key.length === SECRET_KEY_BYTES) return key;
  }
  return undefined;
}
