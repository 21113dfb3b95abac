import { splitIntoKnowledge, type KnowledgeEntry } from '../../schema/index.ts';

/**
 * The knowledge entries in a file the analyst picked: Markdown and plain text split as they are,
 * a PDF's text extracted in the browser with unpdf (PDF.js, loaded only when a PDF is imported),
 * one paragraph block per page at least.
 */
export async function readKnowledgeFile(file: File): Promise<KnowledgeEntry[]> {
  const isPdf = file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
  const text = isPdf ? await pdfText(await file.arrayBuffer()) : await file.text();
  return splitIntoKnowledge(text, file.name);
}

async function pdfText(bytes: ArrayBuffer): Promise<string> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  return text.join('\n\n');
}
