import { useEffect, useState } from 'react';
import type { FlowDocument } from '../../../schema/index.ts';
import { Dialog } from '../../app/dialog.tsx';
import { useT } from '../../i18n/index.ts';
import { blankFlow, flowTemplates } from './flow-templates.ts';
import { messages } from './messages.ts';

const BLANK = '';

interface NewFlowDialogProps {
  onCreate(document: FlowDocument, name: string): Promise<void>;
  onCancel(): void;
}

/** Asks for a name and a starting point: blank or one of the fixture bots. */
export function NewFlowDialog({ onCreate, onCancel }: NewFlowDialogProps) {
  const t = useT(messages);
  const [name, setName] = useState('');
  const [template, setTemplate] = useState(BLANK);
  const [busy, setBusy] = useState(false);
  const [templates] = useState(flowTemplates);
  const [names, setNames] = useState<Record<string, string>>({});

  // The fixture files are small chunks: load them to list each bot by its own name.
  useEffect(() => {
    let cancelled = false;
    void Promise.all(templates.map(async (template) => [template.key, (await template.load()).name] as const))
      .then((entries) => { if (!cancelled) setNames(Object.fromEntries(entries)); }, () => undefined);
    return () => { cancelled = true; };
  }, [templates]);

  async function create() {
    setBusy(true);
    try {
      const chosen = templates.find((candidate) => candidate.key === template);
      const document = chosen ? await chosen.load() : blankFlow(t('blankWelcome'));
      await onCreate(document, name.trim());
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={t('newFlow')}
      testId="new-flow-dialog"
      onDismiss={onCancel}
      actions={<>
        <button className="btn" onClick={onCancel}>{t('cancel')}</button>
        <button className="btn btn-primary" data-testid="new-flow-create" disabled={busy || name.trim() === ''} onClick={create}>
          {t('create')}
        </button>
      </>}
    >
      <label className="field">
        <span>{t('nameLabel')}</span>
        <input data-testid="new-flow-name" autoFocus value={name} onChange={(event) => setName(event.target.value)}
          onKeyDown={(event) => { if (event.key === 'Enter' && name.trim() !== '') void create(); }} />
      </label>
      <label className="field">
        <span>{t('startFrom')}</span>
        <select data-testid="new-flow-template" value={template} onChange={(event) => setTemplate(event.target.value)}>
          <option value={BLANK}>{t('blank')}</option>
          {templates.map((candidate) => <option key={candidate.key} value={candidate.key}>{names[candidate.key] ?? candidate.key}</option>)}
        </select>
      </label>
    </Dialog>
  );
}
