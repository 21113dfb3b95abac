import type { FlowDocument } from '../../schema/index.ts';
import { useT } from '../i18n/index.ts';
import { createEditorStore, type EditorStore } from '../store/index.ts';
import { messages } from './messages.ts';

/**
 * A published version shown on the canvas while the simulator runs it: a store of its own,
 * read-only, so the draft's document, undo history and autosave never see it, and the active node
 * lights on the version the conversation runs (not on a draft node that differs or is missing).
 */
export interface VersionView {
  version: number;
  store: EditorStore;
  /** Unique per view: a React key, so the canvas mounts afresh on each shown document. */
  key: string;
}

let views = 0;
export function versionView(version: number, document: FlowDocument): VersionView {
  views += 1;
  return { version, store: createEditorStore({ document, readOnly: true }), key: `version-${version}-${views}` };
}

/** Over the canvas while it shows a version: which one, and that it cannot be edited. */
export function VersionViewBanner({ view }: { view: VersionView }) {
  const t = useT(messages);
  return (
    <div className="sim-version-banner" role="status" data-testid="sim-version-banner" title={t('simulatingVersionHint', { version: view.version })}>
      {t('simulatingVersion', { version: view.version })}
    </div>
  );
}
