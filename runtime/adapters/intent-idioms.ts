/**
 * Set phrases of customer service whose meaning is not in their words, in
 * Spanish and Portuguese (folded), each rewritten as one plain word of the same
 * meaning: "dar de baja" is cancelling, "fora do ar" is down. Only phrases any
 * business's customers use; the rewrite applies to the intents' texts too.
 * Written as terms() sees them: folded, "ç" as "s", stopwords out ("dar de
 * baja", "darme de baja" and "me quiero dar de baja" all have "dar baja").
 */
const IDIOMS: ReadonlyArray<readonly [string, string]> = [
  ['dar baja', 'cancelar'], ['darme baja', 'cancelar'], ['darte baja', 'cancelar'], ['darse baja', 'cancelar'], ['darlo baja', 'cancelar'],
  ['fora ar', 'caido'], ['fuera servicio', 'caido'], ['fora serviso', 'caido'],
  ['va viene', 'intermitente'], ['vai volta', 'intermitente'], ['cai volta', 'intermitente'],
  ['segunda via', 'factura'], ['estado cuenta', 'factura'], ['nota fiscal', 'factura'],
  ['atencion cliente', 'atencion'], ['servicio cliente', 'atencion'], ['sac', 'atencion'],
];

const PATTERN = new RegExp(`(?<![a-z])(?:${IDIOMS.map(([phrase]) => phrase).join('|')})(?![a-z])`, 'g');
const MEANING = new Map(IDIOMS);

/**
 * A folded text without stopwords, with its set phrases rewritten.
 * @example rewriteIdioms('dar baja linea') // 'cancelar linea'
 */
export function rewriteIdioms(text: string): string {
  return text.replace(PATTERN, (phrase) => MEANING.get(phrase)!);
}
