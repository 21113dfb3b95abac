/**
 * The forms a secret can come back in from an API that transforms what it echoes: literal (and as
 * written inside JSON), URL-encoded, hex (both cases), and base64 / base64url. Base64 encodes in
 * 3-byte groups, so a secret inside a longer encoded text (`base64("Bearer " + secret)`) is found by
 * the characters that only its own bytes determine, for each of the three alignments.
 * @example secretForms('s3cr3t-token').includes(btoa('s3cr3t-token')) // true
 */
export function secretForms(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret);
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  const forms = [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret), hex, hex.toUpperCase()];
  for (let offset = 0; offset < 3; offset++) {
    const core = base64Core(bytes, offset);
    if (core.length >= MIN_ENCODED_CORE) forms.push(core, core.replaceAll('+', '-').replaceAll('/', '_'));
  }
  return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

/** Shorter encoded cores would be too likely to occur by chance in unrelated base64. */
const MIN_ENCODED_CORE = 4;

/** The base64 characters of `bytes` preceded by `offset` unknown bytes that depend on nothing else. */
function base64Core(bytes: Uint8Array, offset: number): string {
  const padded = new Uint8Array(offset + bytes.length);
  padded.set(bytes, offset);
  const encoded = btoa(String.fromCharCode(...padded));
  const first = [0, 2, 3][offset]!;
  const last = Math.floor((padded.length * 8) / 6);
  return encoded.slice(first, last);
}

/**
 * Replaces every form of every secret in a text by `placeholder`, longest first.
 * @example secretMasker({ TOKEN: 's3cr3t-token' }, '[secret]')(btoa('Bearer s3cr3t-token')) // 'QmVhcmVy[secret]…'
 */
export function secretMasker(secrets: Readonly<Record<string, string>>, placeholder: string, minLength: number): (text: string) => string {
  const forms = [...new Set(Object.values(secrets).filter((secret) => secret.length >= minLength).flatMap(secretForms))]
    .sort((a, b) => b.length - a.length);
  return (text) => (forms.length === 0 ? text : forms.reduce((masked, form) => masked.replaceAll(form, placeholder), text));
}
