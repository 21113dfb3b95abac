import { useState } from 'react';
import { KNOWLEDGE_LIMITS, knowledgeId, type KnowledgeEntry } from '../../schema/index.ts';
import { useT } from '../i18n/index.ts';
import { ListEditor, TextField } from '../inspector/fields/index.ts';
import { freshId } from '../store/ids.ts';
import { useEditorStore, useEditorStoreApi } from '../store/index.ts';
import { KeywordsField } from '../settings/KeywordsField.tsx';
import { messages } from './messages.ts';
import { readKnowledgeFile } from './read-document.ts';

const EMPTY: KnowledgeEntry[] = [];

/** The entry with these tags; none: without the field (an optional field is left out, not empty). */
function withTags({ tags: _previous, ...entry }: KnowledgeEntry, tags: string[] | undefined): KnowledgeEntry {
  return tags === undefined ? entry : { ...entry, tags };
}

/**
 * The flow's knowledge, one editable entry each (title, id, text, and the other words customers use
 * for it as tags, which the retriever weighs more than the text), and an import of
 * Markdown, text or PDF files split into entries (schema/knowledge-import.ts). Every edit is a
 * store action: undo, autosave and the problems panel treat it like any other.
 */
export function KnowledgeEditor() {
  const t = useT(messages);
  const store = useEditorStoreApi();
  const knowledge = useEditorStore((state) => state.document.knowledge ?? EMPTY);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const [importing, setImporting] = useState(false);
  const update = (next: KnowledgeEntry[], coalesce?: string) => store.getState().updateKnowledge(next, coalesce);
  const characters = knowledge.reduce((sum, entry) => sum + entry.title.length + entry.text.length, 0);

  async function importFile(file: File) {
    setImporting(true);
    try {
      const taken = new Set(knowledge.map((entry) => entry.id));
      const entries = (await readKnowledgeFile(file)).map((entry) => ({ ...entry, id: taken.has(entry.id) ? freshId(entry.id.slice(0, 58), taken, true) : entry.id }));
      if (entries.length === 0) setNotice({ text: t('nothingFound', { file: file.name }), error: true });
      else {
        store.getState().endGesture();
        update([...knowledge, ...entries]);
        setNotice({ text: t('imported', { count: entries.length, file: file.name }), error: false });
      }
    } catch (error) {
      setNotice({ text: t('importFailed', { file: file.name, error: error instanceof Error ? error.message : String(error) }), error: true });
    } finally {
      setImporting(false);
    }
  }

  return (
    <div className="knowledge-editor" data-testid="knowledge-editor">
      <p className="insp-hint settings-section-hint">{t('hint')}</p>
      <label className="btn btn-small knowledge-import">
        {importing ? t('importing') : `⇪ ${t('import')}`}
        <input type="file" data-testid="knowledge-import" accept=".md,.markdown,.txt,.pdf,text/markdown,text/plain,application/pdf" hidden
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void importFile(file);
          }} />
      </label>
      {notice && <div className={notice.error ? 'insp-hint insp-hint--error' : 'insp-hint'} role="status" data-testid="knowledge-notice">{notice.text}</div>}
      <div className="insp-hint" data-testid="knowledge-size">
        {t('size', { entries: knowledge.length, characters: characters.toLocaleString(), max: KNOWLEDGE_LIMITS.totalCharacters.toLocaleString() })}
      </div>
      <ListEditor
        name="knowledge"
        items={knowledge}
        onChange={(next) => update(next, 'entries')}
        create={(items) => ({ id: freshId(knowledgeId(t('newTitle')), new Set(items.map((entry) => entry.id)), true), title: t('newTitle'), text: '' })}
        itemTitle={(entry, index) => `${t('entry', { n: index + 1 })} · ${entry.title}`}
        addLabel={t('add')}
        renderItem={(entry, index, change) => (
          <>
            <TextField name={`knowledge.${index}.title`} label={t('entryTitle')} value={entry.title} limit={KNOWLEDGE_LIMITS.title}
              onChange={(title) => change({ ...entry, title })} />
            <TextField name={`knowledge.${index}.id`} label={t('id')} value={entry.id}
              onChange={(id) => change({ ...entry, id: id.toLowerCase().replace(/[^a-z0-9_-]+/g, '-') })} />
            <TextField name={`knowledge.${index}.text`} label={t('text')} value={entry.text} multiline limit={KNOWLEDGE_LIMITS.entryText}
              onChange={(text) => change({ ...entry, text })} />
            <KeywordsField name={`knowledge.${index}.tags`} label={t('tags')} hint={t('tagsHint')} value={entry.tags}
              onChange={(tags) => change(withTags(entry, tags))} />
          </>
        )}
      />
    </div>
  );
}
