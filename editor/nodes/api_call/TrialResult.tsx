import { useEffect, useRef } from 'react';
import type { NodeTrial } from '../../api/types.ts';
import { useT } from '../../i18n/index.ts';
import { messages } from './messages.ts';

type Tone = 'ok' | 'warn' | 'bad';

/** 2xx green, 3xx/4xx amber (the request may be wrong), 5xx and no answer red. */
function toneOf(trial: NodeTrial): Tone {
  const status = trial.response?.status;
  if (status === undefined) return 'bad';
  if (status >= 200 && status < 300) return 'ok';
  return status >= 500 ? 'bad' : 'warn';
}

function pretty(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

const CALL_ERRORS = ['refused_address', 'timeout', 'dns', 'network', 'too_large', 'too_many_redirects', 'bad_url', 'not_http', 'bad_request'] as const;

/** What one try sent, got back, and what the node would do with it: output and variables. */
export function TrialResult({ trial }: { trial: NodeTrial }) {
  const t = useT(messages);
  const { request, response, error, outputs } = trial;
  const tone = toneOf(trial);
  const stored = Object.entries(outputs.variables);
  const known = CALL_ERRORS.find((code) => code === error?.code);
  const root = useRef<HTMLDivElement>(null);
  // The result opens below a long form: bring it into view (jsdom has no scrollIntoView). A block
  // body on purpose: recent Chromium returns a Promise from a smooth scroll, which React would
  // otherwise take for the effect's cleanup and call (a crash when the result goes away).
  useEffect(() => {
    void root.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [trial]);
  return (
    <div className={`try-result try-result--${tone}`} data-testid="try-api-call-result" ref={root}>
      <div className="try-summary">
        <span className={`try-status try-status--${tone}`} data-testid="try-status">
          {response ? t('tryStatus', { status: response.status }) : t('tryNoAnswer')}
        </span>
        <span className="muted">{t('tryDuration', { ms: trial.durationMs })}</span>
        <span className="try-output" data-testid="try-output">
          {t('tryWouldTake', { output: outputs.output === 'success' ? t('outputSuccess') : t('outputError') })}
        </span>
      </div>
      {error && (
        <p className="try-error" role="alert" data-testid="try-error">
          <strong>{known ? t(`callError_${known}`) : t('callError_other')}</strong>
          <span className="muted"> — {error.message}</span>
        </p>
      )}
      <section className="try-section" data-testid="try-variables">
        <h5>{stored.length > 0 ? t('tryWouldSet') : t('tryNothingToSet')}</h5>
        {stored.length > 0 && (
          <dl className="try-vars">
            {stored.map(([name, value]) => (
              <div key={name}><dt>{name}</dt><dd><code>{JSON.stringify(value)}</code></dd></div>
            ))}
          </dl>
        )}
        {outputs.unset.length > 0 && <p className="muted">{t('tryWouldClear', { names: outputs.unset.join(', ') })}</p>}
      </section>
      {response && (
        <details className="try-section" open data-testid="try-response">
          <summary>{t('tryResponse')}</summary>
          {Object.keys(response.headers).length > 0 && (
            <details>
              <summary className="muted">{t('tryResponseHeaders', { count: Object.keys(response.headers).length })}</summary>
              <pre>{Object.entries(response.headers).map(([name, value]) => `${name}: ${value}`).join('\n')}</pre>
            </details>
          )}
          <pre data-testid="try-response-body">{response.body === '' ? t('tryEmptyBody') : pretty(response.body)}</pre>
          {response.truncated && <p className="muted">{t('tryTruncated')}</p>}
        </details>
      )}
      <details className="try-section" data-testid="try-request">
        <summary>{t('tryRequest')}</summary>
        <pre>{[`${request.method} ${request.url}`, ...Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`)].join('\n')}</pre>
        {request.body !== undefined && request.body !== '' && <pre>{pretty(parsedOrText(request.body))}</pre>}
        <p className="muted">{t('trySecretsMasked')}</p>
      </details>
    </div>
  );
}

function parsedOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
