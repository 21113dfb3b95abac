import './try-api-call.css';
import { useState } from 'react';
import type { NodeData } from '../../../schema/index.ts';
import type { NodeTrial } from '../../api/types.ts';
import { useT } from '../../i18n/index.ts';
import { useInspectorEnvironment } from '../../inspector/InspectorContext.ts';
import { problemSummary } from '../../pages/problem-summary.ts';
import { messages } from './messages.ts';
import { sampleValue, sampleVariableNames } from './sample-variables.ts';
import { TrialResult } from './TrialResult.tsx';

type TrialState = { running: boolean; trial?: NodeTrial; failure?: string };

/**
 * Runs the request once through the server (which holds the secrets), with sample values for the
 * variables its templates read, and shows what was sent, what came back and what the node would do.
 */
export function TryApiCallButton({ nodeId, data }: { nodeId: string; data: NodeData<'api_call'> }) {
  const t = useT(messages);
  const { tryApiCall } = useInspectorEnvironment();
  const [samples, setSamples] = useState<Record<string, string>>({});
  const [state, setState] = useState<TrialState>({ running: false });
  if (!tryApiCall) return <div className="insp-hint">{t('tryUnavailable')}</div>;
  const names = sampleVariableNames(data);

  async function run() {
    setState({ running: true });
    const variables = Object.fromEntries(names.filter((name) => samples[name] !== undefined).map((name) => [name, sampleValue(samples[name]!)]));
    try {
      setState({ running: false, trial: await tryApiCall!(nodeId, data, variables) });
    } catch (failure) {
      setState({ running: false, failure: problemSummary(failure) });
    }
  }

  return (
    <div className="insp-try">
      {names.length > 0 && (
        // Not part of the node: sample values are only for trying, so they sit outside the form's fields.
        <fieldset className="try-samples" data-testid="try-samples">
          <legend>{t('tryVariables')}</legend>
          {names.map((name) => (
            <label key={name} className="try-sample">
              <code>{name}</code>
              <input data-testid={`try-sample-${name}`} value={samples[name] ?? ''}
                onChange={(event) => setSamples({ ...samples, [name]: event.target.value })} />
            </label>
          ))}
          <span className="insp-hint">{t('tryVariablesHint')}</span>
        </fieldset>
      )}
      <button type="button" className="btn btn-small" data-testid="try-api-call" disabled={state.running} onClick={() => void run()}>
        {state.running ? t('trying') : `▶ ${t('tryIt')}`}
      </button>
      {state.failure !== undefined && (
        <div className="try-result try-result--bad" role="alert" data-testid="try-api-call-result">{t('failed', { error: state.failure })}</div>
      )}
      {state.trial && <TrialResult trial={state.trial} />}
    </div>
  );
}
