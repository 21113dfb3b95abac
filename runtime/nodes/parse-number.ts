import type { RuntimeLanguage } from '../core/texts.ts';

/**
 * A number typed the way people type prices and amounts, or undefined.
 * Spanish and Portuguese read `1.500` as fifteen hundred and `2,5` as two and a half;
 * English reads `1,500` and `2.5` that way. With both marks, the last one is the decimal.
 * @example parseTypedNumber('$ 1.500,50', 'es') // 1500.5
 * @example parseTypedNumber('1500.5', 'es') // 1500.5
 */
export function parseTypedNumber(text: string, language: RuntimeLanguage): number | undefined {
  const compact = text.trim().replace(/^(?:r\$|us\$|\$|€)/i, '').replace(/[\s\u00a0]/g, '');
  if (!/^[+-]?\d[\d.,]*$/.test(compact) || /[.,]$/.test(compact)) return undefined;
  const dots = count(compact, '.');
  const commas = count(compact, ',');
  let canonical: string;
  if (dots > 0 && commas > 0) {
    const decimal = compact.lastIndexOf('.') > compact.lastIndexOf(',') ? '.' : ',';
    const grouping = decimal === '.' ? ',' : '.';
    if (count(compact, decimal) > 1) return undefined;
    canonical = compact.replaceAll(grouping, '').replace(decimal, '.');
  } else if (dots + commas === 0) {
    canonical = compact;
  } else {
    const mark = dots > 0 ? '.' : ',';
    const decimalMark = language === 'en' ? '.' : ',';
    const grouped = new RegExp(`^[+-]?[1-9]\\d{0,2}(\\${mark}\\d{3})+$`).test(compact);
    const isGrouping = (dots + commas > 1) || (mark !== decimalMark && grouped);
    if (isGrouping && !grouped) return undefined;
    canonical = isGrouping ? compact.replaceAll(mark, '') : compact.replace(mark, '.');
  }
  const value = Number(canonical);
  return Number.isFinite(value) ? value : undefined;
}

function count(text: string, mark: string): number {
  let total = 0;
  for (const char of text) if (char === mark) total++;
  return total;
}
