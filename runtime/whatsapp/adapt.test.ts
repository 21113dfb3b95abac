import type { OutboundMessage } from '../core/types.ts';
import { adaptToLimits, splitText } from './adapt.ts';
import { charCount } from './checks.ts';
import { toGraphMessageBody } from './outbound.ts';
import { oracle } from './testdata/oracle.ts';

const words = (count: number) => Array.from({ length: count }, (_, index) => `palabra${index}`).join(' ');
const bodiesOf = (message: OutboundMessage) => adaptToLimits(message).messages.map((adapted) => toGraphMessageBody(adapted, '5491155550123'));

describe('adapting rendered messages to WhatsApp limits', () => {
  it('splits a 100 KB text at word boundaries into valid messages, losing no word', () => {
    const text = words(11_000);
    expect(text.length).toBeGreaterThan(100_000);
    const { messages, adaptations } = adaptToLimits({ type: 'text', text });
    expect(messages.length).toBeGreaterThanOrEqual(Math.ceil(text.length / 4096));
    expect(adaptations).toEqual([{ kind: 'split', field: 'text.body', parts: messages.length }]);
    const parts = messages.map((message) => (message as { text: string }).text);
    for (const part of parts) expect(charCount(part)).toBeLessThanOrEqual(4096);
    expect(parts.join(' ')).toBe(text);
    for (const body of bodiesOf({ type: 'text', text })) expect(oracle('Message')(body)).toBe(true);
  });

  it('cuts a text without any whitespace at the limit, counting emoji as one character', () => {
    expect(splitText('🍕'.repeat(5000)).map(charCount)).toEqual([4096, 904]);
  });

  it('sends the leading part of a 1,107-character menu body as text first, the rest with the buttons', () => {
    const body = words(150).slice(0, 1107);
    expect(charCount(body)).toBe(1107);
    const menu: OutboundMessage = { type: 'buttons', body, buttons: [{ id: 'si', title: 'Sí' }, { id: 'no', title: 'No' }] };
    const { messages, adaptations } = adaptToLimits(menu);
    expect(messages.map((message) => message.type)).toEqual(['text', 'buttons']);
    const [leading, buttons] = messages as unknown as [{ text: string }, { body: string }];
    expect(charCount(buttons.body)).toBeLessThanOrEqual(1024);
    expect(`${leading.text} ${buttons.body}`).toBe(body);
    expect(adaptations).toEqual([{ kind: 'body_as_text', field: 'interactive.body.text', parts: 1 }]);
    for (const graph of bodiesOf(menu)) expect(oracle('Message')(graph)).toBe(true);
  });

  it('clips titles, descriptions, header, footer and labels with "…", keeping the ids answers are matched by', () => {
    const list: OutboundMessage = {
      type: 'list', body: 'Elegí', header: 'H'.repeat(70), footer: 'F'.repeat(61), button: 'Ver todas las opciones',
      rows: [{ id: 'napo', title: 'Napolitana con jamón crudo y rúcula', description: 'd'.repeat(80) }, { id: 'muzza', title: 'Muzzarella' }],
    };
    const [adapted] = adaptToLimits(list).messages as [Extract<OutboundMessage, { type: 'list' }>];
    expect(adapted.rows[0]).toEqual({ id: 'napo', title: 'Napolitana con jamón cr…', description: `${'d'.repeat(71)}…` });
    expect(adapted.rows[1]).toEqual({ id: 'muzza', title: 'Muzzarella' });
    expect([adapted.header, adapted.footer, adapted.button].map((text) => charCount(text!))).toEqual([60, 60, 20]);
    expect(adaptToLimits(list).adaptations.map((adaptation) => adaptation.field)).toEqual([
      'interactive.header.text', 'interactive.footer.text', 'interactive.action.button',
      'interactive.action.sections.0.rows.0.title', 'interactive.action.sections.0.rows.0.description',
    ]);
    for (const graph of bodiesOf(list)) expect(oracle('Message')(graph)).toBe(true);
  });

  it('leaves a message within every limit as it is', () => {
    const menu: OutboundMessage = { type: 'buttons', body: 'Hola', buttons: [{ id: 'a', title: 'A' }] };
    expect(adaptToLimits(menu)).toEqual({ messages: [menu], adaptations: [] });
  });
});
