import { Type, type Static } from '@sinclair/typebox';
import { defineNodeKind, Id, MaxRetries, NonEmptyTemplate, nodeSchema, Template, TimeoutSeconds, withTimeout } from '../common.ts';
import { checkHttpUrl, checkMaxLength, foldTitle } from '../validate/field-checks.ts';
import { HeaderMedia } from './message.ts';
import type { NodeCheckContext } from '../validate/node-check-context.ts';
import { WHATSAPP_LIMITS } from '../whatsapp-limits.ts';
import { TemplateRef } from '../template-ref.ts';
import { FALLBACK_TEMPLATE_WORDS, FIELD_WORDS, OUTPUT_WORDS } from './shared-labels.ts';

export const MenuOption = Type.Object({
  id: Id,
  title: Type.String({ minLength: 1 }),
  description: Type.Optional(Type.String()),
}, { additionalProperties: false });

export const menu = defineNodeKind({
  schema: nodeSchema('menu', Type.Object({
    text: NonEmptyTemplate,
    options: Type.Array(MenuOption, { minItems: 1, maxItems: 10 }),
    header: Type.Optional(Template),
    /**
     * An image, video or document above reply buttons, by link (in place of a text header). A list cannot
     * carry one: with more than 3 options it goes first as its own message.
     */
    headerMedia: Type.Optional(HeaderMedia),
    footer: Type.Optional(Template),
    listButton: Type.Optional(Type.String()),
    invalidText: Type.Optional(Template),
    maxRetries: Type.Optional(MaxRetries),
    timeoutSeconds: Type.Optional(TimeoutSeconds),
    /** Sent instead of what this node says once the 24-hour window has closed (its reminder, its re-prompt). */
    fallbackTemplate: Type.Optional(TemplateRef),
  }, { additionalProperties: false })),
  manifest: {
    name: ['Menú', 'Menu', 'Menu'],
    summary: 'Offers 1 to 10 options (up to 3 as reply buttons, more as a list) and waits for the choice.',
    fields: {
      text: FIELD_WORDS.text,
      options: {
        label: ['las opciones', 'as opções', 'the options'],
        item: ['la opción {n}', 'a opção {n}', 'option {n}'],
        fields: { id: FIELD_WORDS.id, title: FIELD_WORDS.title, description: FIELD_WORDS.description },
      },
      header: FIELD_WORDS.header,
      headerMedia: {
        label: ['el archivo del encabezado', 'a mídia do cabeçalho', 'the header media'],
        fields: { kind: FIELD_WORDS.type, url: ['la URL', 'a URL', 'the URL'] },
      },
      footer: FIELD_WORDS.footer,
      listButton: ['el botón de la lista', 'o botão da lista', 'the list button'],
      invalidText: FIELD_WORDS.invalidText,
      maxRetries: FIELD_WORDS.maxRetries,
      timeoutSeconds: ['la espera de la respuesta (segundos)', 'a espera da resposta (segundos)', 'the answer wait (seconds)'],
      fallbackTemplate: FALLBACK_TEMPLATE_WORDS,
    },
    outputs: { invalid: OUTPUT_WORDS.invalid, timeout: OUTPUT_WORDS.timeout },
  },
  outputs: (data) => withTimeout([...data.options.map((option) => option.id), 'invalid'], data),
  itemOutputs: { list: 'options', duplicateCode: 'duplicate_option_id', reserved: ['invalid', 'timeout'], label: (option) => option.title },
  waits: () => true,
  check(data, context) {
    checkMaxLength(context, data.text, '/text', WHATSAPP_LIMITS.interactiveBody, 'interactive_body_too_long');
    checkMaxLength(context, data.header, '/header', WHATSAPP_LIMITS.header, 'header_too_long');
    checkMaxLength(context, data.footer, '/footer', WHATSAPP_LIMITS.footer, 'footer_too_long');
    if (data.headerMedia) checkHttpUrl(context, data.headerMedia.url, '/headerMedia/url');
    checkMaxLength(context, data.listButton, '/listButton', WHATSAPP_LIMITS.listButton, 'list_button_too_long');
    checkMaxLength(context, data.invalidText, '/invalidText', WHATSAPP_LIMITS.textBody, 'text_too_long');
    checkOptions(data.options, context);
  },
});

/** Up to 3 options go out as reply buttons, more as a list: the limits differ (docs/whatsapp.md §2). */
function checkOptions(options: Array<Static<typeof MenuOption>>, context: NodeCheckContext): void {
  const asButtons = options.length <= WHATSAPP_LIMITS.replyButtons;
  const titles = new Map<string, string>();
  options.forEach((option, index) => {
    const at = `/options/${index}`;
    if (asButtons) {
      checkMaxLength(context, option.title, `${at}/title`, WHATSAPP_LIMITS.replyButtonTitle, 'button_title_too_long');
      if (option.description) context.report('button_description_ignored', `${at}/description`);
    } else {
      checkMaxLength(context, option.title, `${at}/title`, WHATSAPP_LIMITS.listRowTitle, 'list_row_title_too_long');
      checkMaxLength(context, option.description, `${at}/description`, WHATSAPP_LIMITS.listRowDescription, 'list_row_description_too_long');
    }
    const folded = foldTitle(option.title);
    const other = titles.get(folded);
    if (other !== undefined) context.report('duplicate_option_title', `${at}/title`, { title: option.title, other });
    else titles.set(folded, option.title);
  });
}
