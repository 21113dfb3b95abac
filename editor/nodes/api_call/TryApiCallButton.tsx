import { useState } from 'react';
import type { NodeData } from '../../../schema/index.ts';
import { useT } from '../../i18n/index.ts';
import { useInspectorEnvironment, type TryApiCallResult } from '../../inspector/InspectorContext.ts';
import { messages } from './messages.ts';

/** Runs the request once through the server (which holds the secrets) and shows what came back. */
export function TryApiCallButton({ nodeId, data }: { nodeId: string; data: NodeData<'api_call'> }) {
  const t = useT(messages);
  const { tryApiCall } = useInspectorEnvironment();
  const [state, setState] = useState<{ running: boolean; result?: TryApiCallResult }>({ running: false });
  if (!tryApiCall) return <div className="insp-hint">{t('tryUnavailable')}</div>;

  async function run() {
    setState({ running: true });
    try {
      setState({ running: false, result: await tryApiCall!(nodeId, data) });
    } catch (error) {
      setState({ running: false, result: { ok: false, error: error instanceof Error ? error.message : String(error) } });
    }
  }

  const result = state.result;
  return (
    <div className="insp-try">
      <button type="button" className="btn btn-small" data-testid="try-api-call" disabled={state.running} onClick={run}>
        {state.running ? t('trying') : `▶ ${t('tryIt')}`}
      </button>
      {result && (
        <div className={result.ok ? 'insp-try-result' : 'insp-try-result insp-try-result--error'} data-testid="try-api-call-result">
          <div>{result.error ? t('failed', { error: result.error }) : t('status', { status: result.status ?? '?' })}</div>
          {result.variables && <pre>{JSON.stringify(result.variables, null, 2)}</pre>}
          {result.body !== undefined && <pre>{typeof result.body === 'string' ? result.body : JSON.stringify(result.body, null, 2)}</pre>}
        </div>
      )}
    </div>
  );
}
