import { terms } from './intent-terms.ts';

/**
 * Words of general-purpose requests a business's bot does not serve (Meta's policy since 15 January
 * 2026 forbids general-purpose assistants on WhatsApp), in Spanish, Portuguese and English, folded:
 * sports, creative writing, programming, homework, news, weather forecasts, horoscopes, chatbots.
 * Only words whose everyday meaning is one of those whatever the business, and whose key meets no
 * customer's word. Left out are words that are also a customer's: "código" postal, the "resultado" of
 * a test, "capital" city, "programa" de puntos, "política" de devoluciones, "tênis" shoes, "previsão"
 * de entrega, "ganar" puntos, "perdió" el paquete, the rain that cut the line, the film a slow line
 * cannot play, color "a elección", "gol" (a car, an airline), "basket", "match" and "notice" in
 * English. Left out too are words whose sound key is another's: "cuento" is "cuenta", "jugar" is
 * "jugo", "liga" is "ligar", "canción" is "caño", "serie" is "cerrar", "soccer" is "socks", "story"
 * is "store", "guerra" is pt "gerar". A word counts as off-topic only when the flow's own knowledge
 * or intents do not use it (a sports club's knowledge says "juega" and "torneo"): see
 * `generalPurposeWords`.
 */
const GENERAL_PURPOSE = `
futbol futebol football nba rugby golazo campeonato mundial torneo hincha torcida juega juegan jogar joga jogou empato empatou partidazo score
poema poemas poesia poem verso versos chiste chistes piada piadas joke jokes song novela adivinanza acertijo riddle
python javascript sql script algoritmo
tarea homework ensayo monografia redaccion traducir traduzir translate traduccion ecuacion equacao equation matematica
noticias presidente
pronostico weather forecast
horoscopo horoscope zodiaco tarot
chatgpt gpt openai
`;

/** The marker words as the offline readers key them (folded, by sound, stemmed). */
const MARKERS = new Set(terms(GENERAL_PURPOSE).map((term) => term.root));

/**
 * How many words of a text are general-purpose requests' words the domain does not use (`known`
 * says whether the flow's knowledge or intents have a key).
 * @example generalPurposeWords(terms('¿a qué hora juega la selección?'), (key) => index.has(key)) // 2
 */
export function generalPurposeWords(words: ReadonlyArray<{ root: string; stem: string }>, known: (key: string) => boolean): number {
  return words.filter((word) => MARKERS.has(word.root) && !known(word.root) && !known(word.stem)).length;
}
