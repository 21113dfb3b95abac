import './retries.css';
import { useT } from '../../i18n/index.ts';
import { usePlural } from '../../i18n/plural.ts';
import { NumberField } from '../../inspector/fields/index.ts';
import { useInspectorEnvironment } from '../../inspector/InspectorContext.ts';
import { useEditorStore } from '../../store/index.ts';
import { useKindName, useOutputName } from '../kind-words.ts';
import { messages as common } from '../messages.ts';
import { messages } from './messages.ts';

/** docs/flow-format.md: a menu or question re-asks this many times when `maxRetries` is left out. */
export const DEFAULT_MAX_RETRIES = 2;

/**
 * `maxRetries` of a menu or question, with a hint saying when the `invalid` output is taken. When that
 * output leads to an AI intent node while retries are on, free text is re-asked before the AI sees it
 * (an analyst's surprise in QA), so it offers to send it there directly, in one undoable edit.
 */
export function RetriesField({ nodeId, value, onChange }: {
  nodeId: string;
  value: number | undefined;
  onChange(maxRetries: number | undefined): void;
}) {
  const t = useT(messages);
  const tp = usePlural(messages);
  const tc = useT(common);
  const { readOnly, endGesture } = useInspectorEnvironment();
  const kindName = useKindName();
  const outputName = useOutputName();
  const kind = useEditorStore((state) => state.document.nodes.find((node) => node.id === nodeId)?.type);
  const invalidLeadsToAi = useEditorStore((state) => {
    const edge = state.document.edges.find((candidate) => candidate.source === nodeId && candidate.sourceHandle === 'invalid');
    return edge !== undefined && state.document.nodes.some((node) => node.id === edge.target && node.type === 'ai_intent');
  });
  const retries = value ?? DEFAULT_MAX_RETRIES;
  const names = { output: (kind && outputName(kind, 'invalid')) ?? 'invalid', ai: kindName('ai_intent') };
  const sendDirect = () => {
    // Its own undo step: not merged with typing in the field just before.
    endGesture();
    onChange(0);
    endGesture();
  };
  return (
    <>
      <NumberField name="maxRetries" label={tc('maxRetries')} value={value} min={0} max={10} placeholder={String(DEFAULT_MAX_RETRIES)}
        hint={<span data-testid="retries-hint">{tp('afterRetries', retries, names)}</span>}
        onChange={onChange} />
      {invalidLeadsToAi && retries > 0 && (
        <div className="insp-suggestion" data-testid="retries-suggestion" role="note">
          <span>{tp('suggestion', retries, names)}</span>
          <button type="button" className="btn btn-small" data-testid="retries-send-direct" disabled={readOnly} onClick={sendDirect}>
            {t('sendDirect')}
          </button>
        </div>
      )}
    </>
  );
}
