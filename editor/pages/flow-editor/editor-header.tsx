import type { AutosaveStatus } from '../../autosave/autosave.ts';
import { messages as analyticsWords } from '../../analytics/messages.ts';
import { api } from '../../app/api.ts';
import { routeHref } from '../../app/router.ts';
import type { Capabilities } from '../../app/capabilities.ts';
import { SaveIndicator } from '../../autosave/save-indicator.tsx';
import { useT } from '../../i18n/index.ts';
import { FlowSettingsButton } from '../../settings/index.ts';
import { LiveVersionStatus } from '../../versions/live-version-status.tsx';
import { PublishButton } from '../../versions/publish-button.tsx';
import { FlowNameField } from './flow-name-field.tsx';
import { messages } from './messages.ts';
import { ProblemCount } from './problem-count.tsx';
import type { RightSlot } from './use-right-slot.ts';

interface EditorHeaderProps {
  can: Capabilities;
  status: AutosaveStatus;
  slot: RightSlot;
  flowId: string;
  liveVersion: number | null;
  saveDraft(): Promise<boolean>;
  onPublished(version: number): void;
}

/**
 * The flow's own bar under the app's: name, live version and unpublished marker, save state and
 * problems on the left (they shrink and cut with an ellipsis, full text in their tooltips), the
 * flow's actions on the right (they never shrink). One line from 1024 px up.
 */
export function EditorHeader({ can, status, slot, flowId, liveVersion, saveDraft, onPublished }: EditorHeaderProps) {
  const t = useT(messages);
  const words = useT(analyticsWords);
  const toggleClass = (panel: 'simulator' | 'versions') => (slot.panel === panel ? 'btn btn-toggled' : 'btn');
  return (
    <div className="editor-header" data-testid="editor-header">
      <div className="editor-header-status">
        <FlowNameField />
        <LiveVersionStatus api={api} flowId={flowId} liveVersion={liveVersion} />
        {can.edit ? <SaveIndicator status={status} /> : <span className="pill pill-muted">{t('readOnly')}</span>}
        <ProblemCount />
      </div>
      <div className="editor-header-actions" role="group" aria-label={t('flowActions')}>
        <FlowSettingsButton />
        {can.simulate && (
          <button type="button" className={toggleClass('simulator')} data-testid="toggle-simulator" aria-pressed={slot.panel === 'simulator'}
            onClick={() => slot.toggle('simulator')}>
            {t('simulate')}
          </button>
        )}
        <button type="button" className={toggleClass('versions')} data-testid="toggle-versions" aria-pressed={slot.panel === 'versions'}
          onClick={() => slot.toggle('versions')}>
          {t('versions')}
        </button>
        {can.analytics && liveVersion !== null && (
          <a className="btn" data-testid="open-analytics" href={routeHref({ page: 'flow-analytics', flowId })} title={words('canvasTitle')}>{words('dashboardTitle')}</a>
        )}
        {can.publish && <PublishButton api={api} flowId={flowId} liveVersion={liveVersion} saveDraft={saveDraft} onPublished={onPublished} />}
      </div>
    </div>
  );
}
