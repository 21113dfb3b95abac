import { readFileSync } from 'node:fs';
import { FLOW_FORMAT_DOC, renderFlowFormatDoc } from './write-docs.ts';

// The node-kind table in docs/flow-format.md is generated from the manifests; else run `npm run docs:write`.
it('docs/flow-format.md lists every node kind as the manifests declare it', () => {
  const current = readFileSync(FLOW_FORMAT_DOC, 'utf8');
  expect(current).toBe(renderFlowFormatDoc(current));
});
