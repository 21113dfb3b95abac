import '../api_call/try-api-call.css';
import { useState } from 'react';
import type { KnowledgeAnswer } from '../../api/types.ts';
import { useT } from '../../i18n/index.ts';
import { useInspectorEnvironment } from '../../inspector/InspectorContext.ts';
import { problemSummary } from '../../pages/problem-summary.ts';
import { messages } from './messages.ts';

type TryState = { running: boolean; answer?: KnowledgeAnswer; failure?: string };

/**
 * "Try a question": asks the server's answerer (offline, or the configured model) from the knowledge
 * being edited, and shows what the node would do: the reply, the entry used and the confidence.
 */
export function TryQuestion({ minConfidence }: { minConfidence: number | undefined }) {
  const t = useT(messages);
  const { askKnowledge } = useInspectorEnvironment();
  const [question, setQuestion] = useState('');
  const [state, setState] = useState<TryState>({ running: false });
  if (!askKnowledge) return <div className="insp-hint">{t('tryUnavailable')}</div>;

  async function run() {
    setState({ running: true });
    try {
      setState({ running: false, answer: await askKnowledge!(question.trim(), minConfidence) });
    } catch (failure) {
      setState({ running: false, failure: problemSummary(failure) });
    }
  }

  const { answer } = state;
  return (
    // Not part of the node: the question is only for trying, so it sits outside the form's fields.
    <form className="insp-try" data-testid="try-question" onSubmit={(event) => { event.preventDefault(); if (question.trim() !== '') void run(); }}>
      <label className="try-sample">
        <span>{t('tryQuestion')}</span>
        <input data-testid="try-question-input" value={question} placeholder={t('tryPlaceholder')} onChange={(event) => setQuestion(event.target.value)} />
      </label>
      <button type="submit" className="btn btn-small" data-testid="try-question-run" disabled={state.running || question.trim() === ''}>
        {state.running ? t('trying') : `▶ ${t('tryIt')}`}
      </button>
      {state.failure !== undefined && <div className="try-result try-result--bad" role="alert" data-testid="try-question-result">{t('failed', { error: state.failure })}</div>}
      {answer && (
        <div className={`try-result ${answer.outcome === 'answered' ? 'try-result--ok' : 'try-result--warn'}`} data-testid="try-question-result">
          <div className="try-summary">
            <span className={`try-status ${answer.outcome === 'answered' ? 'try-status--ok' : 'try-status--warn'}`}>
              {answer.outcome === 'answered' ? t('outcomeAnswered') : t('outcomeUnknown')}
            </span>
            <span data-testid="try-question-confidence">{t('confidence', { value: answer.confidence.toFixed(2) })}</span>
          </div>
          {answer.cited.length > 0 && <div data-testid="try-question-entry">{t('entryUsed', { title: answer.cited.map((entry) => entry.title).join(', ') })}</div>}
          {answer.answer !== null && <pre className="try-answer">{answer.answer}</pre>}
        </div>
      )}
    </form>
  );
}
