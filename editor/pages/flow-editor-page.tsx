import { useEffect, useState } from 'react';
import { capabilities } from '../app/capabilities.ts';
import { fetchDraft } from '../app/preload.ts';
import { useSession } from '../app/session.ts';
import { TopBar } from '../app/top-bar.tsx';
import type { FlowDraft } from '../api/types.ts';
import { useT } from '../i18n/index.ts';
import { createEditorStore, type EditorStore } from '../store/index.ts';
import { EditorWorkspace } from './flow-editor/editor-workspace.tsx';
import { messages } from './flow-editor/messages.ts';

/** Loads one flow's draft into a fresh editor store, read-only for roles that may not edit. */
export function FlowEditorPage({ flowId }: { flowId: string }) {
  const t = useT(messages);
  const role = useSession((state) => state.me?.role ?? null);
  const [loaded, setLoaded] = useState<{ store: EditorStore; draft: FlowDraft } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    fetchDraft(flowId).then((draft) => {
      if (cancelled) return;
      const store = createEditorStore({ document: draft.document, revision: draft.revision, readOnly: !capabilities(role).edit });
      setLoaded({ store, draft });
    }, (failure: Error) => { if (!cancelled) setError(failure.message); });
    return () => { cancelled = true; };
  }, [flowId, role]);

  if (!loaded) {
    return (
      <div className="page">
        <TopBar />
        <main className="page-body">{error ? <p className="banner banner-error" role="alert">{error}</p> : <p className="muted">{t('loading')}</p>}</main>
      </div>
    );
  }
  return <EditorWorkspace store={loaded.store} draft={loaded.draft} role={role} />;
}
