import { defineMessages } from '../i18n/index.ts';

/** Names of the node kinds and of their fixed outputs, shared by the palette, the canvas and the inspectors. */
export const messages = defineMessages({
  es: {
    kind_message: 'Mensaje', kind_menu: 'Menú', kind_question: 'Pregunta', kind_condition: 'Condición', kind_set: 'Asignar',
    kind_form: 'Formulario', kind_ai_intent: 'Intención IA', kind_api_call: 'Llamada API', kind_handoff: 'Derivar a humano', kind_end: 'Fin', kind_delay: 'Pausa',
    output_next: 'Siguiente', output_invalid: 'Respuesta inválida', output_else: 'Si no', output_fallback: 'Sin coincidencia',
    output_success: 'Éxito', output_error: 'Error', output_submitted: 'Enviado', output_resolved: 'Resuelto',
    output_timeout: 'Sin respuesta a tiempo', output_closed: 'Fuera de horario', output_unanswered: 'Nadie atendió',
    timeoutSeconds: 'Esperar la respuesta (segundos)', timeoutHint: 'Si el cliente no contesta en ese tiempo, sigue por la salida «Sin respuesta a tiempo» (por ejemplo, un recordatorio). Vacío: espera sin límite.',
    text: 'Texto', invalidText: 'Texto si la respuesta no es válida', maxRetries: 'Reintentos máximos', variable: 'Guardar en la variable',
    header: 'Encabezado', footer: 'Pie', empty: '(vacío)',
  },
  pt: {
    kind_message: 'Mensagem', kind_menu: 'Menu', kind_question: 'Pergunta', kind_condition: 'Condição', kind_set: 'Atribuir',
    kind_form: 'Formulário', kind_ai_intent: 'Intenção IA', kind_api_call: 'Chamada API', kind_handoff: 'Transferir para humano', kind_end: 'Fim', kind_delay: 'Pausa',
    output_next: 'Próximo', output_invalid: 'Resposta inválida', output_else: 'Senão', output_fallback: 'Sem correspondência',
    output_success: 'Sucesso', output_error: 'Erro', output_submitted: 'Enviado', output_resolved: 'Resolvido',
    output_timeout: 'Sem resposta a tempo', output_closed: 'Fora do horário', output_unanswered: 'Ninguém atendeu',
    timeoutSeconds: 'Esperar a resposta (segundos)', timeoutHint: 'Se o cliente não responder nesse tempo, segue pela saída «Sem resposta a tempo» (por exemplo, um lembrete). Vazio: espera sem limite.',
    text: 'Texto', invalidText: 'Texto se a resposta não for válida', maxRetries: 'Máximo de tentativas', variable: 'Salvar na variável',
    header: 'Cabeçalho', footer: 'Rodapé', empty: '(vazio)',
  },
  en: {
    kind_message: 'Message', kind_menu: 'Menu', kind_question: 'Question', kind_condition: 'Condition', kind_set: 'Set variables',
    kind_form: 'Form', kind_ai_intent: 'AI intent', kind_api_call: 'API call', kind_handoff: 'Hand off to a human', kind_end: 'End', kind_delay: 'Pause',
    output_next: 'Next', output_invalid: 'Invalid answer', output_else: 'Else', output_fallback: 'No match',
    output_success: 'Success', output_error: 'Error', output_submitted: 'Submitted', output_resolved: 'Resolved',
    output_timeout: 'No answer in time', output_closed: 'Outside hours', output_unanswered: 'No agent answered',
    timeoutSeconds: 'Wait for the answer (seconds)', timeoutHint: 'If the customer does not answer in that time, the flow goes on through “No answer in time” (a reminder, say). Empty: waits without limit.',
    text: 'Text', invalidText: 'Text when the answer is not valid', maxRetries: 'Maximum retries', variable: 'Store in the variable',
    header: 'Header', footer: 'Footer', empty: '(empty)',
  },
});
