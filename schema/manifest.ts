/** The locales every label is written in (the editor's and the problem messages'). */
export type LabelLocale = 'es' | 'pt' | 'en';

/** One wording per locale. Field labels carry their article, as a sentence names them: «la descripción». */
export type Words = readonly [es: string, pt: string, en: string];

const LOCALE_INDEX: Record<LabelLocale, 0 | 1 | 2> = { es: 0, pt: 1, en: 2 };

export function wordsIn(words: Words, locale: LabelLocale): string {
  return words[LOCALE_INDEX[locale]];
}

/** An object whose keys are free (`Record<string, unknown>`): its contents have no labels of their own. */
type IsOpen<T> = string extends keyof T ? true : false;

/** The labels of the fields inside an object, when its keys are fixed. */
type InnerLabels<T> = T extends object ? (IsOpen<T> extends true ? unknown : { fields: FieldLabels<T> }) : unknown;

/** A list: its name, the name of one item (`{n}` counts from 1), and its items' fields. */
export type ListLabel<Item> = { label: Words; item: Words } & InnerLabels<NonNullable<Item>>;

/**
 * An object with fixed keys: its name and its fields'. A `transparent` group only groups: passing
 * through it, its fields read alone («el máximo de pasos por turno», not «… de la configuración»).
 */
export type GroupLabel<T> = { label?: Words; transparent?: true; fields: FieldLabels<T> };

export type FieldLabel<T> =
  NonNullable<T> extends ReadonlyArray<infer Item> ? ListLabel<Item>
    : NonNullable<T> extends object ? (IsOpen<NonNullable<T>> extends true ? Words : GroupLabel<NonNullable<T>>)
      : Words;

/**
 * A label for every key of `T`, optional ones included, down into lists and objects, so a field
 * added to a schema fails the type check until it is named.
 */
export type FieldLabels<T> = { readonly [K in keyof T & string]-?: FieldLabel<T[K]> };

/** What a label tree looks like once its types have done their job. */
export type LabelTree = Readonly<Record<string, Words | LabelBranch>>;
type LabelBranch = { label?: Words; item?: Words; transparent?: true; fields?: LabelTree };

/**
 * What a node kind tells every layer about itself, declared next to its schema in
 * `schema/nodes/<kind>.ts`: problem messages, the editor's palette, cards and diffs, and
 * docs/flow-format.md read their words from here.
 */
export interface NodeManifest<D> {
  /** The kind's name: palette, card header, problem lists («Menú»). */
  name: Words;
  /** One sentence on what the kind does, in English, for docs/flow-format.md. */
  summary: string;
  /** Every field of `data` as a sentence names it («el texto»), nested where problems point. */
  fields: FieldLabels<D>;
  /** Every output of the kind not named by an item (menu options, branches, intents), as the canvas labels it. */
  outputs: Readonly<Record<string, Words>>;
}

const OF: Words = [' de ', ' de ', ' of '];

/**
 * Names a path inside labelled fields, innermost first, then each list item or named group it
 * sits in: `['options', '1', 'title']` → «el título de la opción 2». A key without a label stays
 * as written, quoted. Returns undefined for an empty path.
 */
export function describePath(segments: readonly string[], tree: LabelTree, locale: LabelLocale): string | undefined {
  const parts: string[] = [];
  let fields: LabelTree | undefined = tree;
  for (let i = 0; i < segments.length; i++) {
    const key = segments[i]!;
    const next = segments[i + 1];
    const entry: Words | LabelBranch | undefined = fields?.[key];
    if (entry === undefined) {
      // A key the format does not have (or inside free-form content): as written, without braces a message could mistake.
      parts.push(`«${segments.slice(i).join('.').replace(/[{}]/g, '')}»`);
      break;
    }
    if (isWords(entry)) {
      parts.push(wordsIn(entry, locale));
      fields = undefined;
      continue;
    }
    if (entry.item && next !== undefined && /^\d+$/.test(next)) {
      parts.push(wordsIn(entry.item, locale).replace('{n}', String(Number(next) + 1)));
      i++;
    } else if (entry.label && !(entry.transparent && next !== undefined)) {
      parts.push(wordsIn(entry.label, locale));
    }
    fields = entry.fields;
  }
  return parts.length === 0 ? undefined : parts.reverse().join(wordsIn(OF, locale));
}

function isWords(entry: Words | LabelBranch): entry is Words {
  return Array.isArray(entry);
}

/** One tree with every key of the given ones; where two name a key differently, the first one's words stay. */
export function mergeLabelTrees(trees: readonly LabelTree[]): LabelTree {
  const merged: Record<string, Words | LabelBranch> = {};
  for (const tree of trees) {
    for (const [key, entry] of Object.entries(tree)) {
      const known = merged[key];
      if (known === undefined) merged[key] = entry;
      else if (!isWords(known) && !isWords(entry) && entry.fields) {
        merged[key] = { ...known, fields: mergeLabelTrees([known.fields ?? {}, entry.fields]) };
      }
    }
  }
  return merged;
}
