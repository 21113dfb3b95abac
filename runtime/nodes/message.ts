import type { NodeBehaviour } from './behaviour.ts';
import { next } from './behaviour.ts';
import { optionalText } from './optional-text.ts';

/** Sends its text, then its media (with the caption), and moves on. */
export const message = {
  enter(node, ctx) {
    const text = ctx.render(node.data.text);
    if (text.trim() !== '') ctx.send({ type: 'text', text });
    const media = node.data.media;
    if (media !== undefined) {
      const caption = ctx.render(media.caption);
      ctx.send({
        type: 'media',
        media: {
          kind: media.kind,
          url: media.url,
          ...optionalText('caption', caption),
          ...(media.filename === undefined ? {} : { filename: media.filename }),
        },
      });
    }
    return next('next');
  },
} satisfies NodeBehaviour<'message'>;
