/**
 * WhatsApp's limits on what the business sends, in characters (whatsapp.md §2).
 * Where sources disagree, the safer value.
 */
export const WHATSAPP_LIMITS = {
  textBody: 4096,
  interactiveBody: 1024,
  header: 60,
  footer: 60,
  buttons: 3,
  buttonTitle: 20,
  buttonId: 256,
  listButton: 20,
  listRows: 10,
  sectionTitle: 24,
  rowId: 200,
  rowTitle: 24,
  rowDescription: 72,
  mediaCaption: 1024,
  flowCta: 20,
} as const;
