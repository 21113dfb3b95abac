import { PassThrough } from 'node:stream';
import { createTestApp } from './testing/test-app.ts';
import { urlForLog } from './logger.ts';

describe('logs', () => {
  it('hide credentials in query strings', () => {
    expect(urlForLog('/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=abc&hub.challenge=7'))
      .toBe('/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=[redacted]&hub.challenge=7');
    expect(urlForLog('/api/flows?x=1')).toBe('/api/flows?x=1');
    expect(urlForLog('/healthz')).toBe('/healthz');
  });

  it('never contain the bearer token or the webhook verify token of a real request', async () => {
    let logs = '';
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => { logs += chunk.toString(); });
    const t = await createTestApp({ WHATSAPP_VERIFY_TOKEN: 'verificame-secreto' }, { logger: { level: 'trace', stream } });
    await t.app.inject({ method: 'GET', url: '/api/flows', headers: t.auth() });
    await t.app.inject({ method: 'GET', url: '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=verificame-secreto&hub.challenge=42' });
    await t.close();
    expect(logs).toContain('/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=[redacted]');
    expect(logs).not.toContain('verificame-secreto');
    expect(logs).not.toContain('test-admin-token');
  });
});
