import type { NodeData, SpeechRegister } from '../../schema/index.ts';

type QuestionInput = NodeData<'question'>['input'];

/** What the bot says when the flow does not say it, in one language. */
export interface RuntimeTexts {
  /** A menu answer that matches no option (when the node has no `invalidText`). */
  menuInvalid: string;
  /** The list button label when a 4–10 option menu has no `listButton`. */
  listButton: string;
  questionInvalid: Record<QuestionInput, string>;
  /** A date answer before the question's `earliest` (or today, when `futureOnly`); `{date}` is that limit. */
  dateTooEarly: string;
  /** A date answer after the question's `latest`. */
  dateTooLate: string;
  /** Anything but the completed form while a form waits. */
  formInvalid: string;
  /** Sent when a handoff keyword hands the conversation to a person. */
  handoffKeyword: string;
  /** Sent when a turn stops on an error (a runaway loop, a broken edge). */
  turnFailed: string;
  /** A voice note reached a node that reads text and could not be transcribed (no model endpoint, or it failed). */
  voiceNote: string;
}

export type RuntimeLanguage = 'es' | 'pt' | 'en';

const SPANISH_TU: RuntimeTexts = {
  menuInvalid: 'No entendí tu respuesta. Elige una de las opciones, por favor.',
  listButton: 'Ver opciones',
  questionInvalid: {
    text: 'No entendí tu respuesta. ¿Puedes escribirla de nuevo?',
    number: 'Escribe un número, por ejemplo 25.',
    email: 'Ese correo no parece válido. Escríbelo así: nombre@ejemplo.com',
    phone: 'Ese número no parece válido. Escríbelo con código de área, por ejemplo 11 2345 6789.',
    date: 'No pude leer la fecha. Escríbela así: 24/12/2026',
    regex: 'El formato no es el esperado. ¿Puedes escribirlo de nuevo?',
  },
  dateTooEarly: 'Esa fecha no está disponible: tiene que ser a partir del {date}.',
  dateTooLate: 'Esa fecha no está disponible: tiene que ser hasta el {date}.',
  formInvalid: 'Para seguir, completa el formulario del mensaje anterior.',
  handoffKeyword: 'Te comunico con una persona de nuestro equipo. Te responderá por aquí en breve.',
  turnFailed: 'Lo sentimos, tuvimos un problema y no pudimos continuar. Por favor, escríbenos de nuevo en un rato.',
  voiceNote: 'Por ahora no puedo escuchar audios. ¿Me lo escribes, por favor?',
};

/** The same in Rioplatense *vos* (`settings.register: 'vos'`). */
const SPANISH_VOS: RuntimeTexts = {
  menuInvalid: 'No entendí tu respuesta. Elegí una de las opciones, por favor.',
  listButton: 'Ver opciones',
  questionInvalid: {
    text: 'No entendí tu respuesta. ¿Podés escribirla de nuevo?',
    number: 'Escribí un número, por ejemplo 25.',
    email: 'Ese correo no parece válido. Escribilo así: nombre@ejemplo.com',
    phone: 'Ese número no parece válido. Escribilo con código de área, por ejemplo 11 2345 6789.',
    date: 'No pude leer la fecha. Escribila así: 24/12/2026',
    regex: 'El formato no es el esperado. ¿Podés escribirlo de nuevo?',
  },
  dateTooEarly: 'Esa fecha no está disponible: tiene que ser a partir del {date}.',
  dateTooLate: 'Esa fecha no está disponible: tiene que ser hasta el {date}.',
  formInvalid: 'Para seguir, completá el formulario del mensaje anterior.',
  handoffKeyword: 'Te comunico con una persona de nuestro equipo. Te va a responder por acá en breve.',
  turnFailed: 'Perdón, tuvimos un problema y no pudimos seguir. Por favor, escribinos de nuevo en un rato.',
  voiceNote: 'Por ahora no puedo escuchar audios. ¿Me lo escribís, por favor?',
};

const TEXTS: Record<Exclude<RuntimeLanguage, 'es'>, RuntimeTexts> = {
  pt: {
    menuInvalid: 'Não entendi sua resposta. Escolha uma das opções, por favor.',
    listButton: 'Ver opções',
    questionInvalid: {
      text: 'Não entendi sua resposta. Pode escrever de novo?',
      number: 'Escreva um número, por exemplo 25.',
      email: 'Esse e-mail não parece válido. Escreva assim: nome@exemplo.com',
      phone: 'Esse número não parece válido. Escreva com DDD, por exemplo 11 91234 5678.',
      date: 'Não consegui ler a data. Escreva assim: 24/12/2026',
      regex: 'O formato não é o esperado. Pode escrever de novo?',
    },
    dateTooEarly: 'Essa data não está disponível: precisa ser a partir de {date}.',
    dateTooLate: 'Essa data não está disponível: precisa ser até {date}.',
    formInvalid: 'Para continuar, preencha o formulário da mensagem anterior.',
    handoffKeyword: 'Vou te passar para uma pessoa da nossa equipe. Ela vai te responder por aqui em breve.',
    turnFailed: 'Desculpe, tivemos um problema e não conseguimos continuar. Por favor, escreva de novo daqui a pouco.',
    voiceNote: 'Por enquanto não consigo ouvir áudios. Pode me escrever, por favor?',
  },
  en: {
    menuInvalid: "Sorry, I didn't get that. Please choose one of the options.",
    listButton: 'See options',
    questionInvalid: {
      text: "Sorry, I didn't get that. Could you write it again?",
      number: 'Please write a number, for example 25.',
      email: "That email doesn't look right. Write it like this: name@example.com",
      phone: "That number doesn't look right. Include the area code, for example 212 555 0123.",
      date: "I couldn't read the date. Write it like this: 24/12/2026",
      regex: "That isn't in the expected format. Could you write it again?",
    },
    dateTooEarly: "That date isn't available: it has to be on or after {date}.",
    dateTooLate: "That date isn't available: it has to be on or before {date}.",
    formInvalid: 'To continue, please fill in the form in the previous message.',
    handoffKeyword: "I'm passing you to a person on our team. They'll answer here shortly.",
    turnFailed: "Sorry, something went wrong and we couldn't continue. Please write to us again in a while.",
    voiceNote: "I can't listen to voice notes yet. Could you type it, please?",
  },
};

/**
 * The bot's own texts for a flow's `language` (`es-AR` → es; Spanish when unknown) and `register`
 * (`settings.register`: Spanish *tú* by default or *vos*; Portuguese says *você*, English *you*).
 * Browser-safe: the editor shows them as the placeholders of the fields that override them.
 * @example runtimeTexts('pt-BR').listButton // 'Ver opções'
 */
export function runtimeTexts(language: string | undefined, register?: SpeechRegister): RuntimeTexts {
  const base = runtimeLanguage(language);
  if (base !== 'es') return TEXTS[base];
  return register === 'vos' ? SPANISH_VOS : SPANISH_TU;
}

export function runtimeLanguage(language: string | undefined): RuntimeLanguage {
  const base = language?.slice(0, 2);
  return base === 'pt' || base === 'en' ? base : 'es';
}
