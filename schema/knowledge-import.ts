import { KNOWLEDGE_LIMITS, knowledgeId, type KnowledgeEntry } from './knowledge.ts';

const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
/** A line naming the entry's tags, in es, pt or en: `Etiquetas: amex, posnet` (emphasis around the label allowed). */
const TAGS_LINE = /^\s*[*_]*(?:etiquetas|tags|palabras clave|palavras-chave|palavras chave|keywords)[*_]*\s*:[*_]*\s*(.*)$/i;

/**
 * Splits a document into knowledge entries the analyst can edit (docs/flow-format.md,
 * "Knowledge"). Markdown: each heading of the level that splits it (`##` when there are any,
 * else `#`) starts an entry titled by it; deeper headings stay inside the text; text before the
 * first such heading is left out when it is only a title. Plain text (and text extracted from a
 * PDF): each paragraph is an entry titled by its first line. An entry longer than the limit is cut
 * at paragraph ends into parts; ids are made from titles and kept unique. A line `Etiquetas: a, b`
 * (also `Tags:`, `Palabras clave:`, `Palavras-chave:`, `Keywords:`) in an entry gives its tags
 * (the other words customers use for it) and leaves its text.
 * @example splitIntoKnowledge('## Horarios\nAbrimos a las 8.', 'preguntas') // [{ id: 'horarios', title: 'Horarios', text: 'Abrimos a las 8.', source: 'preguntas' }]
 */
export function splitIntoKnowledge(content: string, source?: string): KnowledgeEntry[] {
  const lines = content.replace(/\r\n?/g, '\n').split('\n');
  const levels = lines.map((line) => HEADING.exec(line)?.[1]?.length).filter((level): level is number => level !== undefined);
  const sections = levels.length === 0 ? paragraphs(lines) : headedSections(lines, levels.includes(2) ? 2 : Math.min(...levels));
  const taken = new Set<string>();
  return sections.flatMap((section) => {
    const { text, tags } = takeTags(section.text);
    return parts(text).map((part, index, all) => {
      const partTitle = (all.length > 1 ? `${section.title} (${index + 1})` : section.title).slice(0, KNOWLEDGE_LIMITS.title);
      return {
        id: uniqueId(knowledgeId(partTitle) || 'entrada', taken),
        title: partTitle,
        text: part,
        ...(tags.length === 0 ? {} : { tags }),
        ...(source === undefined ? {} : { source: source.slice(0, KNOWLEDGE_LIMITS.source) }),
      };
    });
  }).filter((entry) => entry.text !== '');
}

interface Section { title: string; text: string }

/** The tags named on `Etiquetas:` lines (unique, within the limits) and the text without those lines. */
function takeTags(text: string): { text: string; tags: string[] } {
  const tags: string[] = [];
  const kept = text.split('\n').filter((line) => {
    const named = TAGS_LINE.exec(line);
    if (named === null) return true;
    for (const tag of named[1]!.split(/[,;]/).map((item) => item.replace(/[*_`]/g, '').trim().slice(0, KNOWLEDGE_LIMITS.tag))) {
      if (tag !== '' && !tags.some((other) => other.toLowerCase() === tag.toLowerCase())) tags.push(tag);
    }
    return false;
  });
  return { text: tidy(kept), tags: tags.slice(0, KNOWLEDGE_LIMITS.tags) };
}

function headedSections(lines: string[], level: number): Section[] {
  const sections: Section[] = [];
  let current: { title: string; body: string[] } | undefined;
  const preamble: string[] = [];
  const close = () => {
    if (current) sections.push({ title: current.title, text: tidy(current.body) });
  };
  for (const line of lines) {
    const heading = HEADING.exec(line);
    if (heading && heading[1]!.length === level) {
      close();
      current = { title: plain(heading[2]!), body: [] };
    } else if (heading && heading[1]!.length < level) {
      // A higher heading (the document's title) belongs to no entry.
      close();
      current = undefined;
    } else if (current) current.body.push(line);
    else preamble.push(line);
  }
  close();
  // Text before the first entry heading that says more than one line is an entry of its own, titled by that line.
  const [intro] = paragraphs(preamble);
  if (intro !== undefined && tidy(preamble).includes('\n')) sections.unshift({ title: intro.title, text: tidy(preamble) });
  return sections.filter((section) => section.text !== '');
}

function paragraphs(lines: string[]): Section[] {
  return lines.join('\n').split(/\n\s*\n/).map((block) => block.trim()).filter((block) => block !== '').map((block) => {
    const [first = ''] = block.split('\n');
    const title = plain(first).replace(/[.:]$/, '');
    return { title: title.length > 80 ? `${title.slice(0, 77).trimEnd()}…` : title, text: tidy(block.split('\n')) };
  });
}

/** Markdown emphasis as WhatsApp writes it (`**a**` → `*a*`), blank-line runs folded, ends trimmed. */
function tidy(lines: string[]): string {
  return lines.join('\n').replace(/\*\*(.+?)\*\*/g, '*$1*').replace(/__(.+?)__/g, '_$1_').replace(/\n{3,}/g, '\n\n').trim();
}

/** A heading's words without Markdown marks. */
function plain(text: string): string {
  return text.replace(/[*_`]/g, '').replace(/\[(.+?)\]\(.*?\)/g, '$1').trim();
}

/** The text in pieces of at most the entry limit, cut where a paragraph (else a line, else a space) ends. */
function parts(text: string): string[] {
  const max = KNOWLEDGE_LIMITS.entryText;
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const cut = [window.lastIndexOf('\n\n'), window.lastIndexOf('\n'), window.lastIndexOf(' ')].find((at) => at > max / 2) ?? max;
    pieces.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest !== '') pieces.push(rest);
  return pieces;
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base.slice(0, 60)}-${n}`;
  taken.add(id);
  return id;
}
