export { Inspector } from './Inspector.tsx';
export type { TryApiCall, TryApiCallResult } from './InspectorContext.ts';
