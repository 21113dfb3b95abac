/**
 * Spellings that sound the same in Latin American Spanish and Brazilian
 * Portuguese, in the order they are rewritten. Customers write by ear
 * ("nesesito", "coneccion", "ablar", "yamar", "vaja"), so the classifier
 * compares words by this key on both sides, the intents' texts and the
 * message: a misspelling that keeps the sound costs nothing.
 */
const SOUND_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  // Stressed or doubled letters ("lentooo", "conexxion") count once; "ll" and "cc" are sounds of their own.
  [/([^lc])\1+/gu, '$1'],
  // "ch" is one sound: kept aside (upper case never occurs in folded text) so the "c" rules skip it.
  [/ch/g, 'C'],
  // A silent h ("hablar", "ahora"), but not the one of pt "nh"/"lh".
  [/(?<![nl])h/g, ''],
  [/qu(?=[ei])/g, 'k'],
  [/qu/g, 'ku'],
  [/gu(?=[ei])/g, 'g'],
  [/c(?=[ei])/g, 's'],
  [/c/g, 'k'],
  [/z/g, 's'],
  [/x/g, 'ks'],
  [/v/g, 'b'],
  // Where Spanish says "ue"/"ie" Portuguese (and the other forms of the same verb) say "o"/"e":
  // puede/pode, quiero/quero, cuesta/custa, tiempo/tempo, vuelve/volver, cierra/cerrar.
  [/ue(?=[^aeiou])/g, 'o'],
  [/ie(?=[^aeiou])/g, 'e'],
  [/ll|y/g, 'i'],
  // Doubles the rules made, or left ("llamar" → "iamar"), count once too.
  [/(\p{L})\1+/gu, '$1'],
  [/C/g, 'ch'],
];

/**
 * The sound of a folded word (lower case, no accents), for matching by ear.
 * @example phoneticKey('necesito') === phoneticKey('nesesito') // 'nesesito'
 * @example phoneticKey('coneccion') === phoneticKey('conexion') // 'koneksion'
 */
export function phoneticKey(word: string): string {
  let key = word;
  for (const [pattern, replacement] of SOUND_RULES) key = key.replace(pattern, replacement);
  return key;
}
