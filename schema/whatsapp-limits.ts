/**
 * WhatsApp's limits (docs/whatsapp.md §2 and §4), in characters unless named otherwise.
 * validateFlow enforces them before publishing; renderers may reuse them defensively.
 */
export const WHATSAPP_LIMITS = {
  textBody: 4096,
  interactiveBody: 1024,
  header: 60,
  footer: 60,
  /** Menus with at most this many options go out as reply buttons, more as a list. */
  replyButtons: 3,
  replyButtonTitle: 20,
  listButton: 20,
  listRowTitle: 24,
  listRowDescription: 72,
  caption: 1024,
  flowCta: 20,
  /** A link button's (`cta_url`) label. */
  linkLabel: 20,
} as const;

/** Flow JSON (WhatsApp Flows) limits, docs/whatsapp.md §4. */
export const FLOW_JSON_LIMITS = {
  componentsPerScreen: 50,
  heading: 80,
  body: 4096,
  caption: 409,
  inputLabel: 20,
  helperText: 80,
  choiceLabel: 30,
  choiceTitle: 30,
  choiceOptions: 20,
  dropdownOptions: 200,
  optInLabel: 120,
  footerLabel: 35,
} as const;

/** The label of a menu's list button when `listButton` is absent, per flow language. */
export const DEFAULT_LIST_BUTTON = { es: 'Ver opciones', pt: 'Ver opções', en: 'See options' } as const;
