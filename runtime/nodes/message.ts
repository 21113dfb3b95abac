import type { NodeOf } from '../../schema/index.ts';
import type { TurnContext } from '../core/turn-context.ts';
import type { HeaderMedia, OutboundMessage } from '../core/types.ts';
import type { NodeBehaviour } from './behaviour.ts';
import { next } from './behaviour.ts';
import { optionalText } from './optional-text.ts';

type Media = NonNullable<NodeOf<'message'>['data']['media']>;

/**
 * Sends, in order: its reaction to the customer's message, its text (with its link or location-request
 * button, an uncaptioned image, video or document as the link's header), its media, its location and its
 * contact cards; then moves on.
 */
export const message = {
  enter(node, ctx) {
    const { data } = node;
    if (data.reaction !== undefined) ctx.send({ type: 'reaction', emoji: data.reaction });
    const text = ctx.render(data.text);
    const caption = ctx.render(data.media?.caption);
    const header = data.link && data.media && caption === '' ? headerOf(data.media) : undefined;
    if (data.link !== undefined && text.trim() !== '') {
      ctx.send({ type: 'link', body: text, ...(header ? { headerMedia: header } : {}), label: ctx.render(data.link.label), url: ctx.render(data.link.url) });
    } else if (data.requestLocation === true && text.trim() !== '') {
      ctx.send({ type: 'location_request', body: text });
    } else if (text.trim() !== '') {
      ctx.send({ type: 'text', text });
    }
    if (data.media !== undefined && header === undefined) ctx.send(mediaMessage(data.media, caption));
    if (data.location !== undefined) {
      const { latitude, longitude } = data.location;
      ctx.send({
        type: 'location', latitude, longitude,
        ...optionalText('name', ctx.render(data.location.name)), ...optionalText('address', ctx.render(data.location.address)),
      });
    }
    if (data.contacts !== undefined) ctx.send({ type: 'contacts', contacts: data.contacts.map((contact) => contactCard(contact, ctx)) });
    return next('next');
  },
} satisfies NodeBehaviour<'message'>;

function headerOf(media: Media): HeaderMedia | undefined {
  return media.kind === 'audio' ? undefined : { kind: media.kind, url: media.url };
}

function mediaMessage(media: Media, caption: string): OutboundMessage {
  return {
    type: 'media',
    media: {
      kind: media.kind,
      url: media.url,
      ...optionalText('caption', caption),
      ...(media.filename === undefined ? {} : { filename: media.filename }),
    },
  };
}

function contactCard(contact: NonNullable<NodeOf<'message'>['data']['contacts']>[number], ctx: TurnContext) {
  return {
    name: ctx.render(contact.name),
    ...(contact.phone === undefined ? {} : { phone: contact.phone }),
    ...(contact.email === undefined ? {} : { email: contact.email }),
  };
}
