import { defineMessages } from '../../i18n/index.ts';

/** The retries field of menus and questions: when the `invalid` output is taken (docs/flow-format.md). */
export const messages = defineMessages({
  es: {
    afterRetries_zero: 'Con 0 reintentos, la respuesta no válida va directo a la salida «{output}» — útil para mandar el texto libre a una {ai}.',
    afterRetries_one: 'Tras {count} reintento, la respuesta va a la salida «{output}». Con 0 reintentos, el texto libre va directo a esa salida — útil para mandarlo a una {ai}.',
    afterRetries_other: 'Tras {count} reintentos, la respuesta va a la salida «{output}». Con 0 reintentos, el texto libre va directo a esa salida — útil para mandarlo a una {ai}.',
    suggestion_one: 'La salida «{output}» va a una {ai}, pero el texto libre se vuelve a preguntar {count} vez antes de llegar ahí.',
    suggestion_other: 'La salida «{output}» va a una {ai}, pero el texto libre se vuelve a preguntar {count} veces antes de llegar ahí.',
    sendDirect: 'Enviar directo (0 reintentos)',
  },
  pt: {
    afterRetries_zero: 'Com 0 tentativas, a resposta inválida vai direto para a saída «{output}» — útil para mandar o texto livre a uma {ai}.',
    afterRetries_one: 'Após {count} tentativa, a resposta vai para a saída «{output}». Com 0 tentativas, o texto livre vai direto para essa saída — útil para mandá-lo a uma {ai}.',
    afterRetries_other: 'Após {count} tentativas, a resposta vai para a saída «{output}». Com 0 tentativas, o texto livre vai direto para essa saída — útil para mandá-lo a uma {ai}.',
    suggestion_one: 'A saída «{output}» vai para uma {ai}, mas o texto livre é perguntado de novo {count} vez antes de chegar lá.',
    suggestion_other: 'A saída «{output}» vai para uma {ai}, mas o texto livre é perguntado de novo {count} vezes antes de chegar lá.',
    sendDirect: 'Enviar direto (0 tentativas)',
  },
  en: {
    afterRetries_zero: 'With 0 retries, an invalid answer goes straight to the “{output}” output — handy for sending free text to an {ai}.',
    afterRetries_one: 'After {count} retry, the answer goes to the “{output}” output. With 0 retries, free text goes straight to that output — handy for sending it to an {ai}.',
    afterRetries_other: 'After {count} retries, the answer goes to the “{output}” output. With 0 retries, free text goes straight to that output — handy for sending it to an {ai}.',
    suggestion_one: 'The “{output}” output leads to an {ai}, but free text is asked again {count} time before it gets there.',
    suggestion_other: 'The “{output}” output leads to an {ai}, but free text is asked again {count} times before it gets there.',
    sendDirect: 'Send straight there (0 retries)',
  },
});
