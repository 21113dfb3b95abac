import { capabilities } from './capabilities.ts';
import { parseRoute, routeHref, type Route } from './router.ts';

describe('router', () => {
  it('reads and writes every route through the hash', () => {
    const routes: Route[] = [{ page: 'flows' }, { page: 'inbox' }, { page: 'settings' }, { page: 'editor', flowId: 'pizzería don-pepe' },
      { page: 'flow-analytics', flowId: 'tienda' }, { page: 'dashboard' }, { page: 'dashboard', flowId: 'tienda' }, { page: 'run', runId: 12 },
      { page: 'history', filter: {} }, { page: 'history', filter: { outcome: 'handoff', contact: '+54 9' } }];
    for (const route of routes) expect(parseRoute(routeHref(route))).toEqual(route);
    expect(parseRoute('')).toEqual({ page: 'flows' });
    expect(parseRoute('#/flows/pizzeria/')).toEqual({ page: 'editor', flowId: 'pizzeria' });
    expect(parseRoute('#/nothing')).toEqual({ page: 'flows' });
    expect(routeHref({ page: 'history', filter: { outcome: 'handoff', contact: '' } })).toBe('#/history?outcome=handoff');
  });
});

describe('capabilities', () => {
  it('follows the server roles: analysts edit and answer customers, testers simulate, admins publish and manage the team', () => {
    expect(capabilities('analyst')).toEqual({ edit: true, simulate: true, publish: false, manageTeam: false, answer: true, analytics: true });
    expect(capabilities('tester')).toEqual({ edit: false, simulate: true, publish: false, manageTeam: false, answer: false, analytics: false });
    expect(capabilities('admin')).toEqual({ edit: true, simulate: true, publish: true, manageTeam: true, answer: true, analytics: true });
    expect(capabilities(null)).toEqual({ edit: false, simulate: false, publish: false, manageTeam: false, answer: false, analytics: false });
  });
});
