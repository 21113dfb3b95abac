import type { NodeData } from '../../schema/index.ts';
import { editDistance } from '../core/edit-distance.ts';
import { normalizeText } from '../core/normalize-text.ts';
import type { InboundEvent } from '../core/types.ts';

type MenuOption = NodeData<'menu'>['options'][number];

/** The option an answer chose, and how it was recognised (for the trace). */
export interface MenuMatch {
  id: string;
  by: 'tap' | 'number' | 'id' | 'title' | 'typo';
}

interface FoldedOption {
  id: string;
  /** Normalised id, title and (for "4 - Buena") the title's words: what typed answers are compared with. */
  names: string[];
}

// Options are part of the flow document, which lives across many turns.
const folded = new WeakMap<readonly MenuOption[], FoldedOption[]>();

function foldOptions(options: readonly MenuOption[]): FoldedOption[] {
  let result = folded.get(options);
  if (result === undefined) {
    result = options.map((option) => {
      const title = normalizeText(option.title);
      // "4 - Buena", "2) Mala": the words without the leading number are a name too.
      const words = title.replace(/^\d+ /, '');
      return { id: option.id, names: words === title ? [normalizeText(option.id), title] : [normalizeText(option.id), title, words] };
    });
    folded.set(options, result);
  }
  return result;
}

/** Typos tolerated in a name of this many characters: none in short words, more in long ones. */
function typoAllowance(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

/**
 * The option `event` picks: a tapped button or row, a template button's payload, or
 * typed text that is the option's number, its id or title (ignoring case, accents,
 * spaces and punctuation), or a title (or id) within a small typo of exactly one option.
 * @example matchMenuOption(options, { type: 'text', text: ' 2 ' }) // { id: 'ver_promos', by: 'number' }
 */
export function matchMenuOption(options: readonly MenuOption[], event: InboundEvent): MenuMatch | undefined {
  switch (event.type) {
    case 'button_reply':
    case 'list_reply':
      return options.some((option) => option.id === event.id) ? { id: event.id, by: 'tap' } : undefined;
    case 'template_button':
      return options.some((option) => option.id === event.payload)
        ? { id: event.payload, by: 'tap' }
        : matchTyped(options, event.text);
    case 'text':
      return matchTyped(options, event.text);
    default:
      return undefined;
  }
}

function matchTyped(options: readonly MenuOption[], text: string): MenuMatch | undefined {
  const typed = normalizeText(text);
  if (typed === '') return undefined;
  if (/^\d{1,2}$/.test(typed)) {
    const option = options[Number(typed) - 1];
    return option === undefined ? undefined : { id: option.id, by: 'number' };
  }
  const choices = foldOptions(options);
  for (const choice of choices) {
    const index = choice.names.indexOf(typed);
    if (index >= 0) return { id: choice.id, by: index === 0 ? 'id' : 'title' };
  }
  return closestByTypo(choices, typed);
}

function closestByTypo(choices: readonly FoldedOption[], typed: string): MenuMatch | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  let tie = false;
  for (const choice of choices) {
    let distance = Number.POSITIVE_INFINITY;
    for (const name of choice.names) {
      const allowance = typoAllowance(name.length);
      const candidate = editDistance(typed, name, allowance);
      if (candidate <= allowance && candidate < distance) distance = candidate;
    }
    if (distance < bestDistance) [best, bestDistance, tie] = [choice.id, distance, false];
    else if (distance === bestDistance && distance !== Number.POSITIVE_INFINITY) tie = true;
  }
  return best === undefined || tie ? undefined : { id: best, by: 'typo' };
}
