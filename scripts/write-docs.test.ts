import { readFileSync } from 'node:fs';
import { API_DOC, FLOW_FORMAT_DOC, renderApiDoc, renderFlowFormatDoc } from './write-docs.ts';

// The node-kind table in docs/flow-format.md is generated from the manifests; else run `npm run docs:write`.
it('docs/flow-format.md lists every node kind as the manifests declare it', () => {
  const current = readFileSync(FLOW_FORMAT_DOC, 'utf8');
  expect(current).toBe(renderFlowFormatDoc(current));
});

// The route index in docs/api.md is generated from the contract (schema/api/*.ts); else run `npm run docs:write`.
it('docs/api.md lists every route the contract declares', async () => {
  const current = readFileSync(API_DOC, 'utf8');
  expect(current).toBe(await renderApiDoc(current));
  expect(current).toContain('| DELETE | `/api/flows/:id` | Delete a flow never published | `schema/api/flows.ts` |');
});
