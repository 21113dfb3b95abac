/**
 * Text compared the way people type it: lower case, accents removed, trimmed.
 * @example foldText(' Sí ') // 'si'
 */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().trim();
}

/**
 * Folds text for matching what a user typed: foldText, then every run of
 * punctuation, symbols, emoji or spaces turned into one space.
 * @example normalizeText('  ¡Cuatro Quesos! 🍕 ') // 'cuatro quesos'
 * @example normalizeText('hacer_pedido') // 'hacer pedido'
 */
export function normalizeText(text: string): string {
  return foldText(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
