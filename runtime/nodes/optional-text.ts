/**
 * `{ [key]: text }`, or nothing when the rendered text is blank: optional header,
 * footer and caption fields are left out rather than sent empty (WhatsApp refuses them).
 * @example { body, ...optionalText('footer', '') } // { body }
 */
export function optionalText<K extends string>(key: K, text: string): { [P in K]?: string } {
  return (text.trim() === '' ? {} : { [key]: text }) as { [P in K]?: string };
}
