import { inspect } from 'node:util';
import { runtimeConfigFromEnv, RuntimeConfigError } from './config.ts';
import { createRuntimePorts } from './ports.ts';
import { startFakeOpenAi } from './testdata/fake-openai.ts';
import { startTestServer } from './testdata/test-server.ts';

const intents = [
  { id: 'facturacion', description: 'Consultas sobre la factura', examples: ['me cobraron de más'] },
  { id: 'hablar_agente', description: 'Hablar con una persona', examples: ['quiero un operador'] },
];

describe('runtimeConfigFromEnv', () => {
  it('reads OpenAI settings, the private-HTTP switch and secrets', () => {
    const config = runtimeConfigFromEnv({
      OPENAI_API_KEY: 'sk-123', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', CHARLA_ALLOW_PRIVATE_HTTP: '1',
      CHARLA_SECRET_CRM_TOKEN: 'tok', CHARLA_SECRET_: 'ignored', PATH: '/usr/bin',
    });
    expect(config).toEqual({
      openai: { apiKey: 'sk-123', baseURL: 'http://127.0.0.1:9/v1', model: 'gpt-4o-mini' },
      allowPrivateHttp: true,
      secrets: { CRM_TOKEN: 'tok' },
    });
    expect(runtimeConfigFromEnv({ OPENAI_API_KEY: 'k', OPENAI_EMBEDDING_MODEL: 'none', OPENAI_TRANSCRIPTION_MODEL: 'gpt-4o-mini-transcribe' }).openai)
      .toEqual({ apiKey: 'k', model: 'gpt-4o-mini', embeddingModel: 'none', transcriptionModel: 'gpt-4o-mini-transcribe' });
    expect(config).toEqual({
      openai: { apiKey: 'sk-123', baseURL: 'http://127.0.0.1:9/v1', model: 'gpt-4o-mini' },
      allowPrivateHttp: true,
      secrets: { CRM_TOKEN: 'tok' },
    });
  });

  it('leaves OpenAI off without a key, and private HTTP off by default', () => {
    expect(runtimeConfigFromEnv({ OPENAI_MODEL: 'gpt-x', OPENAI_API_KEY: ' ' })).toEqual({ allowPrivateHttp: false, secrets: {} });
  });

  it.each([
    [{ CHARLA_ALLOW_PRIVATE_HTTP: 'yes' }, 'CHARLA_ALLOW_PRIVATE_HTTP must be 1 or 0, got "yes"'],
    [{ OPENAI_BASE_URL: 'localhost:8080' }, 'OPENAI_BASE_URL must be an http(s) URL, got "localhost:8080"'],
  ])('refuses %j', (env, message) => {
    expect(() => runtimeConfigFromEnv(env)).toThrow(new RuntimeConfigError(message));
  });

  it('never shows the key or secret values when logged or serialised', () => {
    const config = runtimeConfigFromEnv({ OPENAI_API_KEY: 'sk-very-secret', CHARLA_SECRET_CRM_TOKEN: 'crm-very-secret' });
    for (const shown of [JSON.stringify(config), inspect(config, { depth: 5 }), `${JSON.stringify({ config })}`]) {
      expect(shown).not.toContain('very-secret');
      expect(shown).toContain('CRM_TOKEN');
    }
  });
});

describe('createRuntimePorts', () => {
  it('classifies offline without an OpenAI key', async () => {
    const ports = createRuntimePorts(runtimeConfigFromEnv({}));
    expect(await ports.classifyIntent({ text: 'me cobraron dos veces la factura', intents })).toMatchObject({ intent: 'facturacion', source: 'offline' });
  });

  it('classifies with OpenAI when a key is set', async () => {
    const fake = await startFakeOpenAi(() => ({ content: '{"intent":"hablar_agente","confidence":0.8}' }));
    try {
      const ports = createRuntimePorts(runtimeConfigFromEnv({ OPENAI_API_KEY: 'sk-1', OPENAI_BASE_URL: fake.baseURL }));
      expect(await ports.classifyIntent({ text: 'hola', intents })).toEqual({ intent: 'hablar_agente', confidence: 0.8, source: 'openai' });
      expect(fake.requests[0]?.body.model).toBe('gpt-4o-mini');
    } finally {
      await fake.close();
    }
  });

  it('makes unguessable, distinct form tokens', () => {
    const { newToken } = createRuntimePorts(runtimeConfigFromEnv({}));
    const tokens = new Set(Array.from({ length: 100 }, newToken));
    expect(tokens.size).toBe(100);
    for (const token of tokens) expect(token).toMatch(/^ft_[0-9a-f-]{36}$/);
  });

  it('reaches private addresses only with CHARLA_ALLOW_PRIVATE_HTTP=1', async () => {
    const server = await startTestServer((_request, response) => response.end('{"ok":true}'));
    try {
      const request = { method: 'GET' as const, url: `${server.origin}/`, headers: {}, timeoutMs: 2000 };
      expect(await createRuntimePorts(runtimeConfigFromEnv({})).http(request)).toMatchObject({ ok: false, reason: expect.stringMatching(/^refused_address/) });
      expect(await createRuntimePorts(runtimeConfigFromEnv({ CHARLA_ALLOW_PRIVATE_HTTP: '1' })).http(request)).toMatchObject({ ok: true, json: { ok: true } });
    } finally {
      await server.close();
    }
  });
});
