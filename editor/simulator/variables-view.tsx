import { useT } from '../i18n/index.ts';
import { messages } from './messages.ts';

/** The conversation's variables after the last turn, and the node it waits on. */
export function VariablesView({ variables, activeNodeId }: { variables: Record<string, unknown>; activeNodeId: string | null }) {
  const t = useT(messages);
  const entries = Object.entries(variables);
  return (
    <section className="sim-variables" data-testid="sim-variables">
      <h3>{t('variables')}</h3>
      {activeNodeId && <p className="small"><span className="muted">{t('activeNode')}:</span> <code data-testid="sim-active-node">{activeNodeId}</code></p>}
      {entries.length === 0
        ? <p className="muted small">{t('noVariables')}</p>
        : (
          <dl>
            {entries.map(([name, value]) => (
              <div key={name} className="sim-variable" data-testid={`sim-variable-${name}`}>
                <dt>{name}</dt>
                <dd><code>{typeof value === 'string' ? value : JSON.stringify(value)}</code></dd>
              </div>
            ))}
          </dl>
        )}
    </section>
  );
}
