/**
 * How Latin American customers shorten words on WhatsApp, in Spanish and
 * Brazilian Portuguese (folded: lower case, no accents), and what they stand
 * for. Only spellings that mean one thing in chat, whatever the business: a
 * shortening that could be a real word of either language is left out.
 * An empty expansion drops the word (courtesy, no meaning for an intent).
 */
const ABBREVIATIONS = new Map<string, string>(Object.entries({
  // Spanish
  q: 'que', k: 'que', ke: 'que', qe: 'que', xq: 'porque', xk: 'porque', pq: 'porque', pk: 'porque', porq: 'porque', xke: 'porque',
  tb: 'tambien', tmb: 'tambien', tmbn: 'tambien', tambn: 'tambien', d: 'de', x: 'por', xa: 'para', pa: 'para',
  msj: 'mensaje', mje: 'mensaje', msg: 'mensaje', tel: 'telefono', tlf: 'telefono', telf: 'telefono', cel: 'celular', celu: 'celular',
  nro: 'numero', num: 'numero', dnd: 'donde', cdo: 'cuando', toy: 'estoy', tamos: 'estamos', sta: 'esta', bn: 'bien',
  info: 'informacion', compu: 'computadora', sip: 'si', nop: 'no', nel: 'no',
  pf: '', pls: '', plis: '', plz: '', porfa: '', porfis: '', xfa: '', xfavor: '', porfavor: '', grax: '', ntp: '', salu2: '',
  // Portuguese
  vc: 'voce', vcs: 'voces', ce: 'voce', n: 'nao', naum: 'nao', nd: 'nada', nda: 'nada', hj: 'hoje', tbm: 'tambem',
  qdo: 'quando', qnd: 'quando', qndo: 'quando', qto: 'quanto', qnto: 'quanto', oq: 'o que', mt: 'muito', mto: 'muito', mtu: 'muito',
  td: 'tudo', tds: 'todos', dps: 'depois', msm: 'mesmo', cmg: 'comigo', agr: 'agora', vdd: 'verdade', kd: 'onde', cade: 'onde',
  aki: 'aqui', eh: 'e', to: 'estou', ta: 'esta', pfv: '', obg: '', obgd: '', vlw: '', valeu: '', blz: '',
  // Both
  net: 'internet', wi: 'wifi',
}));

/** Laughter and similar noise: "jajaja", "jsjs", "kkkk", "hahah", "rsrs". */
const LAUGHTER = /^(?:(?:j+[aeiou]+)+j*|(?:h+[aeiou]+){2,}h*|k{3,}|(?:rs){2,}r?|(?:js){2,}j?|lo+l)$/;

/** Letters typed twice or more to stress a word ("holaa", "lentooo") count once when that makes a known shortening. */
const squeeze = (word: string) => word.replace(/(\p{L})\1+/gu, '$1');

/**
 * The words of a folded message with chat shortenings written out, laughter
 * dropped and "wi fi" joined, in order.
 * @example expandChatSpeak(['xq', 'n', 'anda', 'el', 'wi', 'fi']) // ['porque', 'nao', 'anda', 'el', 'wifi']
 */
export function expandChatSpeak(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '' || LAUGHTER.test(word)) continue;
    // "wi fi" and "wi-fi" arrive as two words.
    if (word === 'wi' && words[i + 1] === 'fi') {
      out.push('wifi');
      i++;
      continue;
    }
    const expansion = ABBREVIATIONS.get(word) ?? ABBREVIATIONS.get(squeeze(word));
    if (expansion === undefined) out.push(word);
    else if (expansion !== '') out.push(...expansion.split(' '));
  }
  return out;
}
