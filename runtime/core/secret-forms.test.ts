import { secretForms, secretMasker } from './secret-forms.ts';

const SECRET = 'crm-s3cr3t-token-9f8e';

describe('secretMasker', () => {
  it('masks a secret inside encoded text at every base64 alignment, and as hex, URL-encoded and literal', () => {
    const mask = secretMasker({ CRM: SECRET }, '[secret]', 3);
    for (const prefix of ['', 'B', 'Be', 'Bearer ']) {
      const text = Buffer.from(`${prefix}${SECRET}!`);
      for (const encoded of [text.toString('base64'), text.toString('base64url'), text.toString('hex'), text.toString('hex').toUpperCase()]) {
        expect(mask(encoded), `${prefix} ${encoded}`).toContain('[secret]');
      }
    }
    expect(mask(`?token=${encodeURIComponent('a b/c+d')}`)).toBe(`?token=${encodeURIComponent('a b/c+d')}`);
    expect(secretMasker({ K: 'a b/c+d' }, '[secret]', 3)(`?token=${encodeURIComponent('a b/c+d')}`)).toBe('?token=[secret]');
    expect(mask(`Bearer ${SECRET}`)).toBe('Bearer [secret]');
  });

  it('leaves text without the secret alone and skips secrets too short to mask safely', () => {
    expect(secretMasker({ CRM: SECRET }, '[secret]', 3)('Pedido 41 listo')).toBe('Pedido 41 listo');
    expect(secretMasker({ PIN: '12' }, '[secret]', 3)('12 de marzo')).toBe('12 de marzo');
    expect(secretForms('abc')).toContain('616263');
  });
});
