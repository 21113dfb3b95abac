export { Inspector } from './Inspector.tsx';
export type { TryApiCall } from './InspectorContext.ts';
