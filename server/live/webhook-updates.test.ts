import { readdirSync, readFileSync } from 'node:fs';
import { readWebhook } from '../../runtime/whatsapp/read-webhook.ts';
import { createLiveTestApp, type LiveTestApp } from '../testing/live-test-app.ts';
import { restampMessages, textWebhook } from '../testing/webhook-body.ts';
import { PHONE_NUMBER_ID } from '../testing/live-test-app.ts';

/** server/testing/webhook-updates: one body per update type (see its README), in the order the test posts them. */
const DIR = new URL('../testing/webhook-updates/', import.meta.url);
const ORDER = ['nonanswer-', 'status-', 'value-', 'field-', 'bsuid-', 'message-', 'last-'];
const fixtures = readdirSync(DIR).filter((name) => name.endsWith('.json'))
  .map((name) => ({ name: name.slice(0, -5), raw: readFileSync(new URL(name, DIR), 'utf8') }))
  .sort((a, b) => ORDER.findIndex((prefix) => a.name.startsWith(prefix)) - ORDER.findIndex((prefix) => b.name.startsWith(prefix)) || a.name.localeCompare(b.name));

type Change = { field: string; value: Record<string, unknown[] | undefined> };
const changesOf = (body: unknown) => (body as { entry: Array<{ changes: Change[] }> }).entry.flatMap((entry) => entry.changes);

describe('every webhook update type', () => {
  it.each(fixtures)('$name: readWebhook reads each item or says why it skipped it', ({ raw }) => {
    const body = JSON.parse(raw) as unknown;
    const read = readWebhook(body);
    const items = changesOf(body).reduce((count, change) => count
      + (change.field === 'messages' || change.field === 'smb_message_echoes'
        ? (change.value.messages?.length ?? 0) + (change.value.statuses?.length ?? 0) + (change.value.errors?.length ?? 0) + (change.value.message_echoes?.length ?? 0)
        : 1), 0);
    expect(read.messages.length + read.statuses.length + read.ignored.length).toBe(items);
    for (const ignored of read.ignored) expect(ignored.reason).not.toBe('');
  });

  describe('through the live endpoint, one customer waiting at the pizzería menu', () => {
    let t: LiveTestApp;
    beforeAll(async () => {
      t = await createLiveTestApp();
      await t.postWebhook(textWebhook({ phoneNumberId: PHONE_NUMBER_ID, from: '5491155550123', wamid: 'wamid.START', text: 'hola' }));
      await t.settle();
    });
    afterAll(() => t.close());
    const session = () => JSON.parse(t.rows<{ session: string }>("SELECT session FROM conversations WHERE wa_id = '5491155550123'")[0]?.session ?? 'null') as { nodeId: string; retries: number; epoch?: number } | null;

    it.each(fixtures)('$name: 200, nothing crashes, every message processed or failed with a reason', async ({ name, raw }) => {
      const before = session();
      const sentBefore = t.graph.requests.length;
      const response = await t.postWebhook(restampMessages(raw));
      expect(response.statusCode).toBe(200);
      await t.settle();
      for (const row of t.rows<{ state: string; error: string | null }>('SELECT state, error FROM inbound_messages')) {
        expect(row.state === 'processed' || (row.state === 'failed' && row.error !== null), JSON.stringify(row)).toBe(true);
      }
      if (name.startsWith('nonanswer-')) {
        // Recorded, never taken as an answer: no re-prompt, no retry spent.
        expect(session()).toEqual(before);
        expect(t.graph.requests.length).toBe(sentBefore);
      }
    });

    it('remembers the ad a conversation came from, follows the number change, and steps aside for the business app', () => {
      const conversation = t.rows<{ wa_id: string; status: string; session: string }>("SELECT wa_id, status, session FROM conversations WHERE wa_id = '5491155550777'")[0]!;
      expect((JSON.parse(conversation.session) as { contact: { referral?: { headline?: string } } }).contact.referral?.headline).toBe('2x1 en muzza');
      expect(conversation.status).toBe('handoff');
      expect(t.rows("SELECT count(*) AS n FROM conversations WHERE wa_id = '5491155550123'")).toEqual([{ n: 0 }]);
    });
  });
});
