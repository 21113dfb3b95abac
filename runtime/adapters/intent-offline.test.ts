import { readFileSync } from 'node:fs';
import { loadFixtureFlow, loadIntentSet } from '../../fixtures/index.ts';
import type { IntentRequest } from '../core/types.ts';
import { measureIntentAccuracy } from './intent-accuracy.ts';
import { classifyIntentOffline, classifyOffline } from './intent-offline.ts';
import { normalizeText } from '../core/normalize-text.ts';
import { expandChatSpeak } from './intent-chat-speak.ts';
import { rewriteIdioms } from './intent-idioms.ts';
import { phoneticKey } from './intent-phonetic.ts';
import { stem, terms } from './intent-terms.ts';
import { generalPurposeWords } from './general-purpose.ts';

const node = loadFixtureFlow('soporte-tecnico').nodes.find((candidate) => candidate.type === 'ai_intent');
const intents: IntentRequest['intents'] = node?.type === 'ai_intent' ? node.data.intents : [];
const classify = (text: string) => classifyOffline({ text, intents });

describe('offline intent classifier', () => {
  it('reaches 85% on the labelled support set (fixtures/intents/soporte.json), which it was not built from', () => {
    const result = measureIntentAccuracy(intents, loadIntentSet('soporte'));
    expect(result.total).toBeGreaterThanOrEqual(100);
    expect(result.accuracy, JSON.stringify(result.misses, null, 1)).toBeGreaterThanOrEqual(0.85);
  });

  it('reaches 85% on its own development set (testdata/intent-dev.json)', () => {
    const dev = JSON.parse(readFileSync(new URL('./testdata/intent-dev.json', import.meta.url), 'utf8')) as Array<{ text: string; intent: string }>;
    expect(measureIntentAccuracy(intents, dev).accuracy).toBeGreaterThanOrEqual(0.85);
  });

  it('reaches 85% on another business (testdata/intent-shop.json: an online shop, chat-style messages)', () => {
    const shop = JSON.parse(readFileSync(new URL('./testdata/intent-shop.json', import.meta.url), 'utf8')) as {
      intents: IntentRequest['intents'];
      messages: Array<{ text: string; intent: string }>;
    };
    const result = measureIntentAccuracy(shop.intents, shop.messages);
    expect(result.accuracy, JSON.stringify(result.misses, null, 1)).toBeGreaterThanOrEqual(0.85);
  });

  it.each([
    ['accents and case', 'NO TENGO CONEXIÓN', 'sin_conexion'],
    ['no accents', 'nao consigo pagar a fatura', 'facturacion'],
    ['a typo', 'la fatcura vino mal', 'facturacion'],
    ['a typo in a long word', 'se corto la conexxion', 'sin_conexion'],
    ['drawn-out letters', 'muuuuy lentoooo', 'internet_lento'],
    ['Portuguese', 'quero falar com um atendente', 'hablar_agente'],
    ['spelling by ear', 'nesesito ablar con una persona', 'hablar_agente'],
    ['chat shortenings', 'n tenho net desde ontem', 'sin_conexion'],
    ['chat shortenings and stressed letters', 'a net ta mt lentaaa hj', 'internet_lento'],
    ['a Portuguese "ç"', 'a cobrança veio errada', 'facturacion'],
  ])('copes with %s', (_name, text, intent) => {
    const result = classify(text);
    expect(result.intent).toBe(intent);
    expect(result.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it('does not care about word order', () => {
    expect(classify('internet lento muy anda el')).toEqual(classify('el internet anda muy lento'));
  });

  it.each(['¿me pasás la receta del flan?', 'jajaja', 'kkkkkk', 'feliz navidad a todos', 'quanto tá o dólar hoje?', '👍', ''])('stays under 0.6 on off-topic %j', (text) => {
    expect(classify(text).confidence).toBeLessThan(0.6);
  });

  it('answers through the port shape with its source', async () => {
    await expect(classifyIntentOffline({ text: 'quiero hablar con una persona', intents })).resolves.toMatchObject({ intent: 'hablar_agente', source: 'offline' });
  });

  it('classifies by the node\'s intents, whatever they are', () => {
    const custom = [
      { id: 'reservar', description: 'Reservar una mesa en el restaurante', examples: ['quiero reservar para 4', 'tienen mesa para hoy?'] },
      { id: 'menu', description: 'Ver la carta y los platos', examples: ['que platos tienen', 'pasame la carta'] },
    ];
    expect(classifyOffline({ text: 'hay mesa para dos esta noche?', intents: custom }).intent).toBe('reservar');
    expect(classifyOffline({ text: 'me mandas la carta?', intents: custom }).intent).toBe('menu');
  });

  it('refuses general-purpose requests whose words no intent uses, and keeps those words where the business uses them', () => {
    const shop = [
      { id: 'horarios', description: 'A qué hora abre el local', examples: ['a que hora abren', 'abren el domingo?'] },
      { id: 'pedido', description: 'Estado de un pedido', examples: ['donde esta mi pedido', 'no me llego el paquete'] },
    ];
    expect(classifyOffline({ text: 'a que hora abren', intents: shop }).confidence).toBeGreaterThanOrEqual(0.6);
    for (const text of ['a que hora juega boca', 'contame un chiste del pedido', 'me escribis un poema?']) {
      expect(classifyOffline({ text, intents: shop }).confidence, text).toBeLessThan(0.6);
    }
    const club = [
      { id: 'canchas', description: 'Reservar una cancha para jugar al fútbol', examples: ['a que hora se juega el torneo', 'quiero una cancha de futbol 5'] },
      { id: 'cuota', description: 'Pagar la cuota del club', examples: ['como pago la cuota', 'cuanto sale el mes'] },
    ];
    expect(classifyOffline({ text: 'a que hora juega mi equipo en el torneo?', intents: club })).toMatchObject({ intent: 'canchas' });
    expect(classifyOffline({ text: 'a que hora juega mi equipo en el torneo?', intents: club }).confidence).toBeGreaterThanOrEqual(0.6);
  });
});

describe('text handling', () => {
  it('tells the words of general-purpose requests in Spanish, Portuguese and English, unless the domain uses them', () => {
    const nothingKnown = () => false;
    expect(generalPurposeWords(terms('¿a qué hora juega la selección?'), nothingKnown)).toBe(1);
    expect(generalPurposeWords(terms('me contás un chiste y me escribís un poema'), nothingKnown)).toBe(2);
    expect(generalPurposeWords(terms('quem ganhou o jogo? me conta uma piada'), nothingKnown)).toBe(2);
    expect(generalPurposeWords(terms('write a poem, tell me a joke, fix my python script'), nothingKnown)).toBe(4);
    // Customers' words that sound alike are not: an account, juice, a call, a refund policy, rain.
    expect(generalPurposeWords(terms('mi cuenta, jugo de naranja, ligar, politica de devoluciones, se corto por la lluvia'), nothingKnown)).toBe(0);
    const sportsClub = new Set(terms('tu equipo juega el torneo de fútbol').flatMap((term) => [term.root, term.stem]));
    expect(generalPurposeWords(terms('¿a qué hora juega el torneo de fútbol?'), (key) => sportsClub.has(key))).toBe(0);
    expect(generalPurposeWords(terms('¿a qué hora juega el torneo de fútbol? contame un chiste'), (key) => sportsClub.has(key))).toBe(1);
  });

  it.each([
    ['lentisimo', 'lent'], ['facturas', 'faktur'], ['cobraron', 'kobr'], ['cobrança', 'kobr'], ['conexao', 'konek'], ['conexión', 'konek'],
    ['pagamento', 'pag'], ['paguei', 'pag'], ['vencimiento', 'bens'], ['vence', 'bens'], ['llámenme', 'iam'], ['pasame', 'pas'], ['lucecita', 'lus'],
  ])('stems %s to %s, the same for Spanish and Portuguese forms', (word, expected) => {
    expect(terms(word)[0]?.root).toBe(expected);
  });

  it.each([['nesesito', 'necesito'], ['coneccion', 'conexión'], ['ablar', 'hablar'], ['yamar', 'llamar'], ['vaja', 'baja'], ['kiero', 'quiero'], ['conexxion', 'conexion']])(
    'hears %s as %s', (heard, written) => {
      expect(phoneticKey(normalizeText(heard))).toBe(phoneticKey(normalizeText(written)));
    },
  );

  it.each([['puede', 'pode'], ['quiero', 'quero'], ['tiempo', 'tempo'], ['cuenta', 'conta'], ['nuevo', 'novo']])(
    'meets Spanish %s and Portuguese %s at one key', (spanish, portuguese) => {
      const key = (word: string) => stem(phoneticKey(word));
      expect(key(spanish)).toBe(key(portuguese));
    },
  );

  it('writes out chat shortenings, drops laughter and courtesy, joins "wi fi"', () => {
    expect(expandChatSpeak('xq n anda el wi fi jajaja pls q hago'.split(' '))).toEqual(['porque', 'nao', 'anda', 'el', 'wifi', 'que', 'hago']);
    expect(expandChatSpeak(['kkkkk', 'vc', 'tbm', 'holaaa'])).toEqual(['voce', 'tambem', 'holaaa']);
    expect(terms('vc tb hj holaaa porfaaa')).toEqual([]);
    expect(terms('pago 300megas, parcelo em 3x')).toEqual(terms('pago 300 megas parcelo em 3 x'));
  });

  it('rewrites set phrases as the one word they mean, whatever stands between their words', () => {
    expect(terms('me quiero dar de baja')).toEqual(terms('quiero cancelar'));
    expect(terms('a internet está fora do ar')).toEqual(terms('internet caído'));
    expect(rewriteIdioms('segunda via boleto')).toBe('factura boleto');
  });

  it('drops stopwords and numbers, keeps negations, maps lexicon words to one concept', () => {
    expect(terms('Hola, quiero hablar con un OPERADOR, no tengo 2 líneas').map((term) => term.stem)).toEqual(['@speak', '@person', '@not', 'lin']);
    expect(terms('atendente')[0]?.stem).toBe(terms('asesor')[0]?.stem);
    expect(terms('não')[0]?.stem).toBe(terms('no')[0]?.stem);
  });
});
