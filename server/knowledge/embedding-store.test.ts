import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KnowledgeEntry } from '../../schema/index.ts';
import { createRuntimePorts, runtimeConfigFromEnv } from '../../runtime/adapters/index.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../../runtime/adapters/testdata/fake-openai.ts';
import { openCharlaDatabase } from '../db/database.ts';
import { startTestPostgres, type TestPostgres } from '../testing/postgres.ts';
import { createEmbeddingStore, decodeVector, encodeVector } from './embedding-store.ts';

// The hybrid retriever's entry vectors kept in the server's database: a restart (a new process: new
// ports, a new connection to the same store) embeds only the question, on SQLite and PostgreSQL.

const knowledge: KnowledgeEntry[] = [
  { id: 'horarios', title: 'Horarios', text: 'Abrimos de lunes a sábado de 8 a 22.' },
  { id: 'pagos', title: 'Medios de pago', text: 'Aceptamos efectivo, tarjetas y Pix.' },
  { id: 'envios', title: 'Envíos', text: 'Enviamos en el día dentro de 5 km.' },
];
/** The fake embedding model: one dimension per topic, with decimals float32 cannot hold exactly. */
const TOPICS = [['abr', 'horario', 'domingo'], ['pago', 'pix', 'amex', 'tarjeta'], ['envi', 'domicilio']];
const embed = (text: string) => TOPICS.map((words) => words.filter((word) => text.toLowerCase().includes(word)).length + 0.1);

let fake: FakeOpenAi;
let postgres: TestPostgres;
let dir: string;
beforeAll(async () => {
  fake = await startFakeOpenAi(() => ({ content: JSON.stringify({ answer: 'Sí, aceptamos tarjetas.', entryIds: ['pagos'], confidence: 0.8 }) }), { embed });
  postgres = await startTestPostgres();
}, 120_000);
afterAll(async () => {
  await fake?.close();
  await postgres?.stop();
});
beforeEach(() => {
  fake.embeddingRequests.length = 0;
  dir = mkdtempSync(join(tmpdir(), 'charla-embeddings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const stores: Array<[string, () => Promise<{ dbPath: string; databaseUrl: string | undefined }>]> = [
  ['SQLite', async () => ({ dbPath: join(dir, 'charla.db'), databaseUrl: undefined })],
  ['PostgreSQL', async () => ({ dbPath: join(dir, 'unused.db'), databaseUrl: await postgres.freshDatabase() })],
];

describe.each(stores)('knowledge embeddings kept on %s', (_name, storeConfig) => {
  it('embeds the knowledge once per model: after a restart only the question, after an edit only the edited entry', async () => {
    const where = await storeConfig();
    /** One server process: its own database connection and ports (with their in-memory cache). */
    const askInProcess = async (question: string, entries: KnowledgeEntry[], model = 'emb-test') => {
      const database = await openCharlaDatabase(where);
      try {
        const config = runtimeConfigFromEnv({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: fake.baseURL, OPENAI_EMBEDDING_MODEL: model });
        const ports = createRuntimePorts(config, {}, { embeddingStore: createEmbeddingStore(database, () => 1_765_000_000_000) });
        return await ports.answerFromKnowledge({ question, knowledge: entries });
      } finally {
        await database.close();
      }
    };
    // The entries and the question are embedded at once: in either order.
    const sorted = (requests: string[][]) => requests.map((input) => JSON.stringify(input)).sort();
    const inputs = () => sorted(fake.embeddingRequests.map((request) => request.body.input));

    // "amex" is in no entry: only the vectors find the payments entry, before and after the restart.
    expect(await askInProcess('¿toman amex?', knowledge)).toMatchObject({ entryIds: ['pagos'], source: 'openai' });
    expect(inputs()).toEqual(sorted([knowledge.map((entry) => `${entry.title}\n\n${entry.text}`), ['¿toman amex?']]));
    fake.embeddingRequests.length = 0;
    expect(await askInProcess('¿toman amex?', knowledge)).toMatchObject({ entryIds: ['pagos'], source: 'openai' });
    expect(inputs()).toEqual(sorted([['¿toman amex?']]));

    fake.embeddingRequests.length = 0;
    const edited = knowledge.map((entry) => (entry.id === 'envios' ? { ...entry, text: 'Enviamos a domicilio en el día.' } : entry));
    await askInProcess('¿toman amex?', edited);
    expect(inputs()).toEqual(sorted([['Envíos\n\nEnviamos a domicilio en el día.'], ['¿toman amex?']]));

    // Another model's vectors are its own.
    fake.embeddingRequests.length = 0;
    await askInProcess('¿toman amex?', knowledge, 'emb-other');
    expect(inputs()).toEqual(sorted([knowledge.map((entry) => `${entry.title}\n\n${entry.text}`), ['¿toman amex?']]));
  });
});

describe('stored vectors', () => {
  it('keep float32 precision, the precision embedding models compute in', () => {
    const vector = [0.1, -0.25, 3.5e-7, 1];
    expect(decodeVector(encodeVector(vector))).toEqual(vector.map((value) => Math.fround(value)));
    expect(encodeVector(Array.from({ length: 1536 }, () => 0.5))).toHaveLength(8192);
  });
});
