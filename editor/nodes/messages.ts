import { defineMessages } from '../i18n/index.ts';

/**
 * Field words several inspectors share. The kinds' names and their outputs' are in each kind's manifest
 * (schema/nodes/<kind>.ts): useKindName(), useOutputName().
 */
export const messages = defineMessages({
  es: {
    timeoutSeconds: 'Esperar la respuesta (segundos)', timeoutHint: 'Si el cliente no contesta en ese tiempo, sigue por la salida «Sin respuesta a tiempo» (por ejemplo, un recordatorio). Vacío: espera sin límite.',
    text: 'Texto', invalidText: 'Texto si la respuesta no es válida', maxRetries: 'Reintentos máximos', variable: 'Guardar en la variable',
    header: 'Encabezado', footer: 'Pie', empty: '(vacío)',
  },
  pt: {
    timeoutSeconds: 'Esperar a resposta (segundos)', timeoutHint: 'Se o cliente não responder nesse tempo, segue pela saída «Sem resposta a tempo» (por exemplo, um lembrete). Vazio: espera sem limite.',
    text: 'Texto', invalidText: 'Texto se a resposta não for válida', maxRetries: 'Máximo de tentativas', variable: 'Salvar na variável',
    header: 'Cabeçalho', footer: 'Rodapé', empty: '(vazio)',
  },
  en: {
    timeoutSeconds: 'Wait for the answer (seconds)', timeoutHint: 'If the customer does not answer in that time, the flow goes on through “No answer in time” (a reminder, say). Empty: waits without limit.',
    text: 'Text', invalidText: 'Text when the answer is not valid', maxRetries: 'Maximum retries', variable: 'Store in the variable',
    header: 'Header', footer: 'Footer', empty: '(empty)',
  },
});
