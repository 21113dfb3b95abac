import type { OutboundMessage } from '../core/types.ts';
import { OutboundLimitError } from './errors.ts';
import { agentTextBody, markReadBody, typingIndicatorBody, toGraphMessageBody } from './outbound.ts';
import { oracle } from './testdata/oracle.ts';

const WA_ID = '5491155550123';
const rows = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `row_${i}`, title: `Opción ${i + 1}` }));
const buttons = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `b${i}`, title: `Botón ${i + 1}` }));

/** One message of every shape the converter can produce, with optional parts on and off. */
const everyShape: Array<[string, OutboundMessage]> = [
  ['text', { type: 'text', text: 'Hola 👋' }],
  ['text with a link', { type: 'text', text: 'Mirá https://donpepe.example/menu' }],
  ['image with caption', { type: 'media', media: { kind: 'image', url: 'https://cdn.example/a.jpg', caption: 'Recién salida' } }],
  ['video', { type: 'media', media: { kind: 'video', url: 'https://cdn.example/a.mp4' } }],
  ['audio', { type: 'media', media: { kind: 'audio', url: 'https://cdn.example/a.ogg' } }],
  ['document with filename', { type: 'media', media: { kind: 'document', url: 'https://cdn.example/f.pdf', caption: 'Factura', filename: 'factura.pdf' } }],
  ['1 button', { type: 'buttons', body: '¿Seguimos?', buttons: buttons(1) }],
  ['3 buttons, header and footer', { type: 'buttons', body: 'Elegí', header: 'Don Pepe', footer: 'De 19 a 00 h', buttons: buttons(3) }],
  ['list of 4', { type: 'list', body: 'Elegí tu pizza', button: 'Ver pizzas', rows: rows(4) }],
  ['list of 10 with descriptions', {
    type: 'list', body: 'Elegí', header: 'Pizzas', footer: 'Precios finales', button: 'Ver',
    rows: rows(10).map((row) => ({ ...row, description: 'Muzzarella y orégano' })),
  }],
  ['registered form', {
    type: 'form', body: 'Completá tus datos', cta: 'Completar envío', flowToken: 'tok-1', flowId: '1234567890',
    flowName: 'envio', screen: 'DATOS_ENVIO', nodeId: 'formulario_envio',
  }],
  ['registered form with header and footer', {
    type: 'form', body: 'Completá tus datos', header: 'Envío', footer: 'Privado', cta: 'Completar', flowToken: 'tok-2',
    flowId: '2345678901', flowName: 'pizzeria-formulario_envio', screen: 'DATOS_ENVIO', nodeId: 'formulario_envio',
  }],
  ['template without parameters', { type: 'template', name: 'hello_world', language: 'en_US' }],
  ['template with positional body, image header and URL button', {
    type: 'template', name: 'pedido_enviado', language: 'es_AR', headerParameter: 'https://cdn.example/moto.jpg',
    bodyParameters: { '2': '25 minutos', '1': 'Sofía' }, buttonParameters: { '0': 'pedido/123' },
  }],
  ['template with named body and text header', {
    type: 'template', name: 'recordatorio_turno', language: 'pt_BR', headerParameter: 'Seu horário',
    bodyParameters: { nombre: 'Ana', hora: '10:30' },
  }],
  ['re-prompt quoting the customer\'s message', { type: 'text', text: 'Elegí una de las opciones', quotesCustomer: true }],
  ['buttons under an image header', { type: 'buttons', body: 'Así llega tu pizza', headerMedia: { kind: 'image', url: 'https://cdn.example/pizza.jpg' }, buttons: buttons(2) }],
  ['buttons under a video header', { type: 'buttons', body: 'Mirá cómo la hacemos', headerMedia: { kind: 'video', url: 'https://cdn.example/horno.mp4' }, buttons: buttons(1) }],
  ['buttons under a document header', { type: 'buttons', body: 'La carta', headerMedia: { kind: 'document', url: 'https://cdn.example/carta.pdf' }, footer: 'Precios con IVA', buttons: buttons(3) }],
  ['link button', { type: 'link', body: 'Seguí tu pedido en la web', label: 'Seguir pedido', url: 'https://donpepe.example/pedido/123' }],
  ['link button with an image header and a footer', {
    type: 'link', body: 'Nuestra carta completa', headerMedia: { kind: 'image', url: 'https://cdn.example/carta.png' }, footer: 'Actualizada hoy',
    label: 'Ver carta', url: 'https://donpepe.example/carta',
  }],
  ['link button with a text header', { type: 'link', body: 'Reservá tu mesa', header: 'Don Pepe', label: 'Reservar', url: 'https://donpepe.example/reservas' }],
  ['location request', { type: 'location_request', body: '¿Dónde te llevamos el pedido? Tocá «Enviar ubicación».' }],
  ['location', { type: 'location', latitude: -34.6037, longitude: -58.3816, name: 'Pizzería Don Pepe', address: 'Av. Corrientes 1234, CABA' }],
  ['location without name or address', { type: 'location', latitude: 0, longitude: 180 }],
  ['contacts', { type: 'contacts', contacts: [{ name: 'Don Pepe', phone: '+54 9 11 5555-0100', email: 'hola@donpepe.example' }, { name: 'Reparto' }] }],
  ['reaction', { type: 'reaction', emoji: '👍' }],
];

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof OutboundLimitError) return `${error.code} ${error.field}`;
    throw error;
  }
  return 'no error';
}

describe('toGraphMessageBody', () => {
  it.each(everyShape)('%s validates against Meta\'s Message schema', (_name, message) => {
    const body = toGraphMessageBody(message, WA_ID, { customerMessageId: 'wamid.CUSTOMER1' });
    const validate = oracle('Message');
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    expect(body).toMatchObject({ messaging_product: 'whatsapp', recipient_type: 'individual', to: '+5491155550123' });
  });

  it('writes a text body, asking for a link preview only when there is a link', () => {
    expect(toGraphMessageBody({ type: 'text', text: 'Hola' }, WA_ID)).toEqual({
      messaging_product: 'whatsapp', recipient_type: 'individual', to: '+5491155550123', type: 'text', text: { body: 'Hola', preview_url: false },
    });
    expect(toGraphMessageBody({ type: 'text', text: 'Ver www.donpepe.example' }, WA_ID)).toMatchObject({ text: { preview_url: true } });
  });

  it('quotes the customer\'s message in a re-prompt and reacts to it; a timer\'s turn has none to quote or react to', () => {
    const reprompt: OutboundMessage = { type: 'text', text: 'Elegí una opción', quotesCustomer: true };
    expect(toGraphMessageBody(reprompt, WA_ID, { customerMessageId: 'wamid.IN7' })).toMatchObject({ context: { message_id: 'wamid.IN7' }, type: 'text' });
    expect(toGraphMessageBody(reprompt, WA_ID)).not.toHaveProperty('context');
    expect(toGraphMessageBody({ type: 'reaction', emoji: '🍕' }, WA_ID, { customerMessageId: 'wamid.IN7' }))
      .toMatchObject({ type: 'reaction', reaction: { message_id: 'wamid.IN7', emoji: '🍕' } });
    expect(codeOf(() => toGraphMessageBody({ type: 'reaction', emoji: '🍕' }, WA_ID))).toBe('no_customer_message reaction.message_id');
  });

  it('writes a link button, a location request, a location (coordinates as text, as Meta\'s schema has them) and contact cards', () => {
    expect(toGraphMessageBody({ type: 'link', body: 'Tu pedido', headerMedia: { kind: 'image', url: 'https://cdn.example/a.jpg' }, label: 'Seguir', url: 'https://x.example/p' }, WA_ID))
      .toMatchObject({ interactive: { type: 'cta_url', header: { type: 'image', image: { link: 'https://cdn.example/a.jpg' } }, action: { name: 'cta_url', parameters: { display_text: 'Seguir', url: 'https://x.example/p' } } } });
    expect(toGraphMessageBody({ type: 'location_request', body: '¿Dónde estás?' }, WA_ID))
      .toMatchObject({ interactive: { type: 'location_request_message', body: { text: '¿Dónde estás?' }, action: { name: 'send_location' } } });
    expect(toGraphMessageBody({ type: 'location', latitude: -34.6, longitude: -58.38 }, WA_ID)).toMatchObject({ location: { latitude: '-34.6', longitude: '-58.38' } });
    expect(toGraphMessageBody({ type: 'contacts', contacts: [{ name: 'Don Pepe', phone: '+54 9 11 5555-0100' }] }, WA_ID)).toMatchObject({
      contacts: [{ name: { formatted_name: 'Don Pepe', first_name: 'Don' }, phones: [{ phone: '+54 9 11 5555-0100', wa_id: '5491155550100' }] }],
    });
    expect(codeOf(() => toGraphMessageBody({ type: 'link', body: 'x', label: 'Ver', url: 'ftp://x' }, WA_ID))).toBe('not_http_url interactive.action.parameters.url');
    expect(codeOf(() => toGraphMessageBody({ type: 'location', latitude: 91, longitude: 0 }, WA_ID))).toBe('out_of_range location.latitude');
    expect(codeOf(() => toGraphMessageBody({ type: 'contacts', contacts: [] }, WA_ID))).toBe('empty contacts');
  });

  it('writes reply buttons', () => {
    expect(toGraphMessageBody({ type: 'buttons', body: 'Elegí', footer: 'Pie', buttons: buttons(2) }, WA_ID)).toMatchObject({
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Elegí' },
        footer: { text: 'Pie' },
        action: { buttons: [{ type: 'reply', reply: { id: 'b0', title: 'Botón 1' } }, { type: 'reply', reply: { id: 'b1', title: 'Botón 2' } }] },
      },
    });
  });

  it('writes a list as one section', () => {
    const body = toGraphMessageBody({ type: 'list', body: 'Elegí', header: 'Pizzas', button: 'Ver', rows: rows(4) }, WA_ID);
    expect(body).toMatchObject({
      interactive: { type: 'list', header: { type: 'text', text: 'Pizzas' }, action: { button: 'Ver', sections: [{ rows: rows(4) }] } },
    });
  });

  it('sends a form by its Meta Flow id, never by name or as a draft; without one only the simulator names it locally', () => {
    const [, registered] = everyShape.find(([name]) => name === 'registered form')!;
    const draft = { ...everyShape.find(([name]) => name === 'registered form with header and footer')![1], flowId: undefined } as OutboundMessage;
    expect(toGraphMessageBody(registered, WA_ID)).toMatchObject({
      interactive: {
        type: 'flow',
        action: {
          name: 'flow',
          parameters: {
            flow_message_version: '3', flow_id: '1234567890', flow_token: 'tok-1', flow_cta: 'Completar envío',
            flow_action: 'navigate', flow_action_payload: { screen: 'DATOS_ENVIO' },
          },
        },
      },
    });
    expect(() => toGraphMessageBody(draft, WA_ID)).toThrow(expect.objectContaining({ code: 'not_registered' }));
    const parameters = (toGraphMessageBody(draft, WA_ID, { localFormIds: true }) as unknown as { interactive: { action: { parameters: Record<string, unknown> } } })
      .interactive.action.parameters;
    expect(parameters).toMatchObject({ flow_id: 'pizzeria-formulario_envio' });
    expect(parameters).not.toHaveProperty('flow_name');
    expect(parameters).not.toHaveProperty('mode');
  });

  it('writes a template: positional body parameters in order, named ones by name, a header link by its extension', () => {
    const [, positional] = everyShape.find(([name]) => name.startsWith('template with positional'))!;
    expect(toGraphMessageBody(positional, WA_ID)).toMatchObject({
      type: 'template',
      template: {
        name: 'pedido_enviado', language: { policy: 'deterministic', code: 'es_AR' },
        components: [
          { type: 'header', parameters: [{ type: 'image', image: { link: 'https://cdn.example/moto.jpg' } }] },
          { type: 'body', parameters: [{ type: 'text', text: 'Sofía' }, { type: 'text', text: '25 minutos' }] },
          { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'pedido/123' }] },
        ],
      },
    });
    const [, named] = everyShape.find(([name]) => name.startsWith('template with named'))!;
    expect(toGraphMessageBody(named, WA_ID)).toMatchObject({
      template: { components: [
        { type: 'header', parameters: [{ type: 'text', text: 'Seu horário' }] },
        { type: 'body', parameters: [{ type: 'text', text: 'Ana', parameter_name: 'nombre' }, { type: 'text', text: '10:30', parameter_name: 'hora' }] },
      ] },
    });
  });

  it('writes agent replies and read receipts', () => {
    expect(agentTextBody('Te ayudo yo', WA_ID)).toMatchObject({ to: '+5491155550123', text: { body: 'Te ayudo yo' } });
    expect(markReadBody('wamid.X')).toEqual({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.X' });
    expect(typingIndicatorBody('wamid.X')).toEqual({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.X', typing_indicator: { type: 'text' } });
  });
});

describe('limits checked before sending', () => {
  it.each<[string, OutboundMessage, string]>([
    ['4 buttons', { type: 'buttons', body: 'b', buttons: buttons(4) }, 'too_many interactive.action.buttons'],
    ['a 21-character button title', { type: 'buttons', body: 'b', buttons: [{ id: 'a', title: 'x'.repeat(21) }] }, 'too_long interactive.action.buttons.0.reply.title'],
    ['a 1025-character interactive body', { type: 'buttons', body: 'x'.repeat(1025), buttons: buttons(1) }, 'too_long interactive.body.text'],
    ['a 25-character row title', { type: 'list', body: 'b', button: 'Ver', rows: [{ id: 'a', title: 'x'.repeat(25) }] }, 'too_long interactive.action.sections.0.rows.0.title'],
  ])('refuses %s (Meta\'s schema does too)', (_name, message, code) => {
    expect(codeOf(() => toGraphMessageBody(message, WA_ID))).toBe(code);
  });

  it('the oracle rejects 4 buttons and a 21-character title on its own', () => {
    const ok = toGraphMessageBody({ type: 'buttons', body: 'b', buttons: buttons(3) }, WA_ID) as unknown as {
      interactive: { action: { buttons: Array<{ reply: { title: string } }> } };
    };
    const tooMany = structuredClone(ok);
    tooMany.interactive.action.buttons.push({ ...ok.interactive.action.buttons[0]!, reply: { id: 'b4', title: 'Cuarto' } } as never);
    const tooLong = structuredClone(ok);
    tooLong.interactive.action.buttons[0]!.reply.title = 'x'.repeat(21);
    expect(oracle('Message')(tooMany)).toBe(false);
    expect(oracle('Message')(tooLong)).toBe(false);
  });

  /** Bodies Meta's schema accepts but WhatsApp refuses: only our checks stand between them and the API. */
  const passesOracle: Array<[string, OutboundMessage, Record<string, unknown>, string]> = [
    ['11 rows', { type: 'list', body: 'b', button: 'Ver', rows: rows(11) },
      { type: 'list', body: { text: 'b' }, action: { button: 'Ver', sections: [{ rows: rows(6) }, { title: 'Más', rows: rows(11).slice(6) }] } },
      'too_many interactive.action.sections.0.rows'],
    ['duplicate row titles', { type: 'list', body: 'b', button: 'Ver', rows: [{ id: 'a', title: 'Muzza' }, { id: 'b', title: 'muzza' }] },
      { type: 'list', body: { text: 'b' }, action: { button: 'Ver', sections: [{ rows: [{ id: 'a', title: 'Muzza' }, { id: 'b', title: 'Muzza' }] }] } },
      'duplicate interactive.action.sections.0.rows[].title'],
    ['duplicate button titles', { type: 'buttons', body: 'b', buttons: [{ id: 'a', title: 'Sí' }, { id: 'b', title: 'SI' }] },
      { type: 'button', body: { text: 'b' }, action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'Sí' } }, { type: 'reply', reply: { id: 'b', title: 'Sí' } }] } },
      'duplicate interactive.action.buttons[].reply.title'],
    ['duplicate button ids', { type: 'buttons', body: 'b', buttons: [{ id: 'a', title: 'Uno' }, { id: 'a', title: 'Dos' }] },
      { type: 'button', body: { text: 'b' }, action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'Uno' } }, { type: 'reply', reply: { id: 'a', title: 'Dos' } }] } },
      'duplicate interactive.action.buttons[].reply.id'],
    ['an empty button title', { type: 'buttons', body: 'b', buttons: [{ id: 'a', title: ' ' }] },
      { type: 'button', body: { text: 'b' }, action: { buttons: [{ type: 'reply', reply: { id: 'a', title: ' ' } }] } },
      'empty interactive.action.buttons.0.reply.title'],
    ['a 25-character form CTA', { type: 'form', body: 'b', cta: 'x'.repeat(25), flowToken: 't', flowId: 'f', flowName: 'f', screen: 'S', nodeId: 'n' },
      { type: 'flow', body: { text: 'b' }, action: { name: 'flow', parameters: { flow_message_version: '3', flow_id: 'f', flow_cta: 'x'.repeat(25) } } },
      'too_long interactive.action.parameters.flow_cta'],
    ['an emoji in a form CTA', { type: 'form', body: 'b', cta: 'Pedir 🍕', flowToken: 't', flowId: 'f', flowName: 'f', screen: 'S', nodeId: 'n' },
      { type: 'flow', body: { text: 'b' }, action: { name: 'flow', parameters: { flow_message_version: '3', flow_id: 'f', flow_cta: 'Pedir 🍕' } } },
      'emoji interactive.action.parameters.flow_cta'],
  ];

  it.each(passesOracle)('refuses %s, which Meta\'s schema lets through', (_name, message, interactive, code) => {
    const body = { messaging_product: 'whatsapp', recipient_type: 'individual', to: '+1', type: 'interactive', interactive };
    expect(oracle('Message')(body)).toBe(true);
    expect(codeOf(() => toGraphMessageBody(message, WA_ID))).toBe(code);
  });

  it.each<[string, OutboundMessage | null, string]>([
    ['a 4097-character text', { type: 'text', text: 'x'.repeat(4097) }, 'too_long text.body'],
    ['an empty text', { type: 'text', text: '' }, 'empty text.body'],
    ['a non-http media URL', { type: 'media', media: { kind: 'image', url: 'file:///etc/passwd' } }, 'not_http_url image.link'],
    ['a caption on audio', { type: 'media', media: { kind: 'audio', url: 'https://a.example/a.ogg', caption: 'hola' } }, 'not_allowed audio.caption'],
    ['a 1025-character caption', { type: 'media', media: { kind: 'image', url: 'https://a.example/a.png', caption: 'x'.repeat(1025) } }, 'too_long image.caption'],
    ['a 61-character header', { type: 'buttons', body: 'b', header: 'x'.repeat(61), buttons: buttons(1) }, 'too_long interactive.header.text'],
    ['a 21-character list button', { type: 'list', body: 'b', button: 'x'.repeat(21), rows: rows(4) }, 'too_long interactive.action.button'],
    ['a 73-character row description', { type: 'list', body: 'b', button: 'Ver', rows: [{ id: 'a', title: 'A', description: 'x'.repeat(73) }] }, 'too_long interactive.action.sections.0.rows.0.description'],
    ['no rows', { type: 'list', body: 'b', button: 'Ver', rows: [] }, 'empty interactive.action.sections.0.rows'],
  ])('refuses %s', (_name, message, code) => {
    expect(codeOf(() => toGraphMessageBody(message!, WA_ID))).toBe(code);
  });

  it('counts an emoji as one character, as WhatsApp does', () => {
    expect(codeOf(() => toGraphMessageBody({ type: 'buttons', body: 'b', buttons: [{ id: 'a', title: `${'x'.repeat(19)}🍕` }] }, WA_ID))).toBe('no error');
  });

  it('refuses a recipient that is not a wa_id', () => {
    expect(codeOf(() => toGraphMessageBody({ type: 'text', text: 'hola' }, '+54 9 11'))).toBe('bad_recipient to');
  });
});
