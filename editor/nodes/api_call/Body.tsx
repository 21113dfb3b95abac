import type { NodeBodyProps } from '../types.ts';

export function ApiCallBody({ data }: NodeBodyProps<'api_call'>) {
  return (
    <div className="node-text node-mono">
      <span className="node-method">{data.method}</span> {data.url || '…'}
    </div>
  );
}
