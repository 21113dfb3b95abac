import { loadFixtureFlow } from '../../../fixtures/index.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const created = await t.app.inject({ method: 'POST', url: '/api/flows', headers: t.auth(), payload: { ...loadFixtureFlow('farmacia'), id: 'farmacia-prueba' } });
  expect(created.statusCode).toBe(201);
});
afterAll(() => t.close());

const ask = (body: object, flowId = 'farmacia-prueba') =>
  t.app.inject({ method: 'POST', url: `/api/flows/${flowId}/knowledge/answers`, headers: t.auth(), payload: body });

describe('POST /api/flows/:id/knowledge/answers', () => {
  it('answers from the draft\'s knowledge with the cited entry and the confidence', async () => {
    const response = await ask({ question: '¿abren los domingos?' });
    expect(response.statusCode).toBe(200);
    const knowledge = loadFixtureFlow('farmacia').knowledge!;
    const body = response.json();
    expect(body).toMatchObject({ outcome: 'answered', source: 'offline' });
    expect(knowledge.some((entry) => entry.text === body.answer && body.cited[0].id === entry.id)).toBe(true);
    expect(body.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('takes unknown on an off-topic question, and answers from unsaved entries when given', async () => {
    expect((await ask({ question: 'escribime un poema sobre el mar' })).json()).toMatchObject({ outcome: 'unknown', answer: null, cited: [] });
    const unsaved = [{ id: 'mascotas', title: 'Productos para mascotas', text: 'Vendemos antiparasitarios para perros y gatos.' }];
    expect((await ask({ question: '¿tienen antiparasitarios para gatos?', knowledge: unsaved })).json())
      .toMatchObject({ outcome: 'answered', cited: [{ id: 'mascotas', title: 'Productos para mascotas' }] });
  });

  it('refuses a bad body and an unknown flow with coded errors', async () => {
    expect((await ask({ question: '' })).statusCode).toBe(400);
    expect((await ask({ question: 'hola', knowledge: [{ id: 'A B', title: 'x', text: 'y' }] })).statusCode).toBe(400);
    const missing = await ask({ question: 'hola' }, 'no-existe');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'flow_not_found' });
  });
});
