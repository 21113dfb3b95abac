import { Type } from '@sinclair/typebox';
import { defineNodeKind, NonEmptyTemplate, nodeSchema, Template } from '../common.ts';
import { checkHttpUrl, checkMaxLength } from '../validate/field-checks.ts';
import { WHATSAPP_LIMITS } from '../whatsapp-limits.ts';
import { FIELD_WORDS, OUTPUT_WORDS } from './shared-labels.ts';

export const MediaKind = Type.Union([
  Type.Literal('image'), Type.Literal('video'), Type.Literal('audio'), Type.Literal('document'),
]);

/** An image, video or document shown above an interactive message's text, by link. */
export const HeaderMedia = Type.Object({
  kind: Type.Union([Type.Literal('image'), Type.Literal('video'), Type.Literal('document')]),
  url: Type.String({ minLength: 1 }),
}, { additionalProperties: false });

export const message = defineNodeKind({
  schema: nodeSchema('message', Type.Object({
    text: Template,
    media: Type.Optional(Type.Object({
      kind: MediaKind,
      url: Type.String({ minLength: 1 }),
      caption: Type.Optional(Template),
      filename: Type.Optional(Type.String()),
    }, { additionalProperties: false })),
    /** A button under the text that opens a link (WhatsApp's `cta_url`); an image, video or document goes above as its header. */
    link: Type.Optional(Type.Object({
      label: Type.String({ minLength: 1, maxLength: WHATSAPP_LIMITS.linkLabel }),
      url: Type.String({ minLength: 1 }),
    }, { additionalProperties: false })),
    /** WhatsApp's "Send location" button under the text; the pin comes back to the next waiting node as a location. */
    requestLocation: Type.Optional(Type.Boolean()),
    /** A place to send as a map pin. */
    location: Type.Optional(Type.Object({
      latitude: Type.Number({ minimum: -90, maximum: 90 }),
      longitude: Type.Number({ minimum: -180, maximum: 180 }),
      name: Type.Optional(Template),
      address: Type.Optional(Template),
    }, { additionalProperties: false })),
    /** Contact cards to share (at most 5). */
    contacts: Type.Optional(Type.Array(Type.Object({
      name: NonEmptyTemplate,
      phone: Type.Optional(Type.String({ minLength: 1 })),
      email: Type.Optional(Type.String({ minLength: 1 })),
    }, { additionalProperties: false }), { minItems: 1, maxItems: 5 })),
    /** An emoji the bot reacts with to the customer's message (when one started the turn). */
    reaction: Type.Optional(Type.String({ minLength: 1, maxLength: 10 })),
  }, { additionalProperties: false })),
  manifest: {
    name: ['Mensaje', 'Mensagem', 'Message'],
    summary: 'Sends a text, a media file, a link or location-request button, a location, contact cards or a reaction, and moves on.',
    fields: {
      text: FIELD_WORDS.text,
      media: {
        label: ['el archivo multimedia', 'a mídia', 'the media'],
        fields: {
          kind: FIELD_WORDS.type,
          url: ['la URL', 'a URL', 'the URL'],
          caption: ['el pie de foto', 'a legenda', 'the caption'],
          filename: ['el nombre del archivo', 'o nome do arquivo', 'the file name'],
        },
      },
      link: {
        label: ['el botón con enlace', 'o botão com link', 'the link button'],
        fields: { label: ['el texto del botón', 'o texto do botão', 'the button text'], url: ['la URL', 'a URL', 'the URL'] },
      },
      requestLocation: ['el pedido de ubicación', 'o pedido de localização', 'the location request'],
      location: {
        label: ['la ubicación', 'a localização', 'the location'],
        fields: {
          latitude: ['la latitud', 'a latitude', 'the latitude'],
          longitude: ['la longitud', 'a longitude', 'the longitude'],
          name: FIELD_WORDS.name,
          address: ['la dirección', 'o endereço', 'the address'],
        },
      },
      contacts: {
        label: ['los contactos', 'os contatos', 'the contacts'],
        item: ['el contacto {n}', 'o contato {n}', 'contact {n}'],
        fields: { name: FIELD_WORDS.name, phone: ['el teléfono', 'o telefone', 'the phone'], email: ['el email', 'o e-mail', 'the email'] },
      },
      reaction: ['la reacción', 'a reação', 'the reaction'],
    },
    outputs: { next: OUTPUT_WORDS.next },
  },
  outputs: () => ['next'],
  waits: () => false,
  check(data, context) {
    checkMaxLength(context, data.text, '/text', WHATSAPP_LIMITS.textBody, 'text_too_long');
    const buttoned = data.link !== undefined || data.requestLocation === true;
    // The runtime skips blank text; with nothing else either the node would send nothing at all. A button needs its text.
    const sendsOther = data.media || data.location || data.contacts || data.reaction;
    if (data.text.trim() === '' && (buttoned || !sendsOther)) context.report('message_empty', '/text');
    if (data.link !== undefined && data.requestLocation === true) context.report('message_two_buttons', '/requestLocation');
    if (data.link !== undefined) checkHttpUrl(context, data.link.url, '/link/url');
    if (buttoned) checkMaxLength(context, data.text, '/text', WHATSAPP_LIMITS.interactiveBody, 'interactive_body_too_long');
    if (!data.media) return;
    checkHttpUrl(context, data.media.url, '/media/url');
    checkMaxLength(context, data.media.caption, '/media/caption', WHATSAPP_LIMITS.caption, 'caption_too_long');
  },
});
