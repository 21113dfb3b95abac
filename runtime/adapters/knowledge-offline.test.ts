import { readFileSync } from 'node:fs';
import type { FlowDocument, KnowledgeEntry } from '../../schema/index.ts';
import { answerOffline, retrieveKnowledge } from './knowledge-offline.ts';
import { measureKnowledgeAccuracy, type KnowledgeQuestion } from './knowledge-accuracy.ts';
import { DEFAULT_ANSWER_CONFIDENCE } from '../nodes/ai-answer.ts';

const read = <T>(path: string): T => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as T;
const farmacia = read<FlowDocument>('../../fixtures/flows/farmacia.json').knowledge!;

const knowledge: KnowledgeEntry[] = [
  { id: 'horarios', title: 'Horarios de atención', text: 'Abrimos de lunes a sábado de 8 a 22. Los domingos abrimos de 9 a 14.' },
  { id: 'pago', title: 'Medios de pago', text: 'Aceptamos efectivo, tarjetas y transferencia. No aceptamos cheques.' },
  { id: 'envios', title: 'Envíos a domicilio', text: 'Hacemos envíos en toda la ciudad. El envío cuesta $2.500 y es gratis en compras de más de $45.000.' },
  { id: 'trabajo', title: 'Trabajá con nosotros', text: 'Para postularte mandá tu CV a rrhh@example.com.' },
  { id: 'baja', title: 'Tus datos', text: 'Podés darte de baja de las promociones escribiendo BAJA.' },
];

describe('offline knowledge retrieval', () => {
  it('finds the entry through typos, synonyms and glued pronouns, and is sure of it', () => {
    for (const [question, id] of [
      ['¿abren los domingos?', 'horarios'],
      ['se puede pagar con tranferencia?', 'pago'],
      ['cuanto sale el delivery a mi casa', 'envios'],
      ['busco empleo, donde dejo el curriculum', 'trabajo'],
      ['quiero darme de baja', 'baja'],
    ] as const) {
      const [best] = retrieveKnowledge(question, knowledge);
      expect(best?.entry.id, question).toBe(id);
      expect(best!.confidence, question).toBeGreaterThanOrEqual(DEFAULT_ANSWER_CONFIDENCE);
    }
  });

  it('counts a word once however many of its keys match, so one common word does not outweigh a rare one', () => {
    // "pago" is both the payment concept and its own root; "cheques" is in one entry only.
    expect(retrieveKnowledge('pago con cheques', knowledge)[0]?.entry.id).toBe('pago');
  });

  it('scores a word found only through its synonym under the word itself', () => {
    // "transferencia" and "tarjeta" are both payments (one lexicon concept); the entry with the customer's own word wins.
    const payments: KnowledgeEntry[] = [
      { id: 'tarjetas', title: 'Pagos en el local', text: 'Pagá con tarjeta de crédito o débito, en una o tres cuotas.' },
      { id: 'transferencias', title: 'Pagos a distancia', text: 'Pagá por transferencia al CBU 0000003100010000000001.' },
    ];
    expect(retrieveKnowledge('se puede pagar con transferencia?', payments)[0]?.entry.id).toBe('transferencias');
    expect(retrieveKnowledge('pago con tarjeta?', payments)[0]?.entry.id).toBe('tarjetas');
  });

  it('finds the longer words a stem of four letters or more starts with (derivations the stemmer leaves whole)', () => {
    const shop: KnowledgeEntry[] = [
      { id: 'promos', title: 'Promociones de perfumería', text: 'Los jueves hay 20% en fragancias importadas.' },
      { id: 'horarios', title: 'Horarios', text: 'Abrimos de lunes a sábado de 9 a 20.' },
    ];
    for (const question of ['que promos hay?', 'tienen descuento en perfumes?']) {
      expect(retrieveKnowledge(question, shop)[0]?.entry.id, question).toBe('promos');
    }
  });

  it('reads English questions too: their function words weigh nothing', () => {
    const english: KnowledgeEntry[] = [
      { id: 'hours', title: 'Opening hours', text: 'We open Monday to Saturday from 9 am to 8 pm. On Sundays we are closed.' },
      { id: 'payments', title: 'Payment methods', text: 'We take cash, debit and credit cards, and bank transfers. We do not take cheques.' },
      { id: 'delivery', title: 'Home delivery', text: 'We deliver within 5 km for $3. Orders over $50 ship free.' },
      { id: 'returns', title: 'Returns and exchanges', text: 'You can return or exchange an item within 30 days with the receipt.' },
      { id: 'jobs', title: 'Work with us', text: 'Send your resume to jobs@example.com.' },
    ];
    for (const [question, id] of [
      ['What time do you open on Sunday?', 'hours'], ['Can I pay with a credit card?', 'payments'], ['How much is the delivery?', 'delivery'],
      ['Are you hiring? where do I send my resume', 'jobs'],
    ] as const) {
      const result = answerOffline({ question, knowledge: english });
      expect(result.entryIds, question).toEqual([id]);
      expect(result.confidence, question).toBeGreaterThanOrEqual(DEFAULT_ANSWER_CONFIDENCE);
    }
    for (const question of ['write me a poem about the sea', 'who won the game last night?']) {
      expect(answerOffline({ question, knowledge: english }).confidence, question).toBeLessThan(DEFAULT_ANSWER_CONFIDENCE);
    }
  });

  it('refuses a general-purpose request although its other words match an entry well, unless the knowledge uses its words', () => {
    expect(answerOffline({ question: '¿a qué hora abren el domingo?', knowledge }).confidence).toBeGreaterThanOrEqual(DEFAULT_ANSWER_CONFIDENCE);
    for (const question of ['¿a qué hora juega Argentina el domingo?', 'contame un chiste sobre los envíos', 'quem ganhou o jogo de domingo?']) {
      expect(answerOffline({ question, knowledge }).confidence, question).toBeLessThan(DEFAULT_ANSWER_CONFIDENCE);
    }
    const club: KnowledgeEntry[] = [
      { id: 'canchas', title: 'Canchas de fútbol', text: 'Si tu equipo juega de noche, las canchas tienen luz hasta las 23.' },
      { id: 'cuota', title: 'Cuota social', text: 'La cuota se paga del 1 al 10 de cada mes.' },
    ];
    const result = answerOffline({ question: '¿hasta qué hora se juega al fútbol?', knowledge: club });
    expect(result.entryIds).toEqual(['canchas']);
    expect(result.confidence).toBeGreaterThanOrEqual(DEFAULT_ANSWER_CONFIDENCE);
  });

  it('is unsure of questions mostly made of words the knowledge lacks, and finds nothing in none', () => {
    for (const question of ['escribime un poema sobre el otoño', 'quién ganó el partido ayer', 'me recomendás una película']) {
      const result = answerOffline({ question, knowledge });
      expect(result.confidence, question).toBeLessThan(DEFAULT_ANSWER_CONFIDENCE);
    }
    expect(answerOffline({ question: '¿¿??', knowledge })).toEqual({ answer: null, entryIds: [], confidence: 0, source: 'offline' });
    expect(retrieveKnowledge('hola', [])).toEqual([]);
  });

  it('keeps its figures on the farmacia development set (fixtures/knowledge/farmacia-dev.json)', async () => {
    const questions = read<KnowledgeQuestion[]>('../../fixtures/knowledge/farmacia-dev.json');
    const { answerable, offTopic } = await measureKnowledgeAccuracy(answerOffline, farmacia, questions, DEFAULT_ANSWER_CONFIDENCE);
    expect(answerable.rightEntry / answerable.total).toBeGreaterThanOrEqual(0.83);
    expect(offTopic.refused / offTopic.total).toBeGreaterThanOrEqual(0.9);
  });
});
