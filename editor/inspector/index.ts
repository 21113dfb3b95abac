export { Inspector } from './Inspector.tsx';
export type { AskKnowledge, TryApiCall } from './InspectorContext.ts';
