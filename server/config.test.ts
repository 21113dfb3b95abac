import { inspect } from 'node:util';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1', port: 3000, adminToken: undefined, runtime: { allowPrivateHttp: false },
      whatsapp: { graphUrl: 'https://graph.facebook.com/v23.0' },
    });
    expect(config.dbPath).toMatch(/data\/charla\.db$/);
  });

  it('keeps SQLite\'s in-memory database in memory instead of a file named «:memory:»', () => {
    expect(loadConfig({ CHARLA_DB: ':memory:' }).dbPath).toBe(':memory:');
  });

  it('reads every variable, CHARLA_SECRET_* as secrets', () => {
    const config = loadConfig({
      HOST: '0.0.0.0', PORT: '8080', CHARLA_DB: '/tmp/x.db', CHARLA_ADMIN_TOKEN: 'adm',
      WHATSAPP_GRAPH_URL: 'http://127.0.0.1:9999/v23.0/', WHATSAPP_APP_SECRET: 's', WHATSAPP_VERIFY_TOKEN: 'v',
      WHATSAPP_ACCESS_TOKEN: 'a', OPENAI_API_KEY: 'k', OPENAI_BASE_URL: 'http://127.0.0.1:1/v1', OPENAI_MODEL: 'm',
      CHARLA_SECRET_BANCO_API_KEY: 'xyz', CHARLA_SECRET_: 'ignored', CHARLA_ALLOW_PRIVATE_HTTP: '1',
    });
    expect(config).toMatchObject({
      host: '0.0.0.0', port: 8080, dbPath: '/tmp/x.db', adminToken: 'adm',
      whatsapp: { graphUrl: 'http://127.0.0.1:9999/v23.0', appSecret: 's', verifyToken: 'v', accessToken: 'a' },
      runtime: { allowPrivateHttp: true, openai: { apiKey: 'k', baseURL: 'http://127.0.0.1:1/v1', model: 'm' } },
    });
    expect(config.runtime.secrets).toEqual({ BANCO_API_KEY: 'xyz' });
    // Printing the configuration shows secret names, not values.
    for (const shown of [JSON.stringify(config), inspect(config, { depth: 5 })]) {
      expect(shown).not.toMatch(/xyz|'k'|"k"|adm'|adm"|'a'|"a"|'s'|"s"|'v'|"v"/);
      expect(shown).toContain('BANCO_API_KEY');
    }
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ WHATSAPP_GRAPH_URL: 'ftp://x' })).toThrow(/WHATSAPP_GRAPH_URL/);
    expect(() => loadConfig({ CHARLA_ALLOW_PRIVATE_HTTP: 'yes' })).toThrow(/CHARLA_ALLOW_PRIVATE_HTTP/);
  });
});
