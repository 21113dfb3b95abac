import type { GraphTemplate } from '../whatsapp/graph-management.ts';

/**
 * Templates of the test WABA in the shape `GET /{WABA-ID}/message_templates` lists them (Meta's
 * example in whatsapp-cloud-api.paths.json, with Spanish texts): positional and named body
 * parameters, a text and an image header, quick-reply and URL buttons, one not approved.
 */
export function sampleTemplates(): GraphTemplate[] {
  return [
    {
      id: '920070352646141', name: 'recordatorio_turno', language: 'es_AR', category: 'UTILITY', status: 'APPROVED',
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Turno del {{1}}', example: { header_text: ['martes'] } },
        { type: 'BODY', text: 'Hola {{1}}, te esperamos el {{2}}. ¿Confirmás?', example: { body_text: [['Ana', 'martes 10 h']] } },
        { type: 'FOOTER', text: 'Clínica Charla' },
        { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Confirmo' }, { type: 'QUICK_REPLY', text: 'Reprogramar' }] },
      ],
    },
    {
      id: '920070352646142', name: 'retomar_pedido', language: 'es_AR', category: 'UTILITY', status: 'APPROVED',
      components: [{ type: 'BODY', text: '¡Hola {{1}}! Seguimos con tu pedido cuando quieras: respondé este mensaje.', example: { body_text: [['Ana']] } }],
    },
    {
      id: '920070352646143', name: 'pedido_enviado', language: 'es_AR', category: 'UTILITY', status: 'APPROVED',
      components: [
        { type: 'HEADER', format: 'IMAGE', example: { header_handle: ['https://cdn.example/moto.jpg'] } },
        { type: 'BODY', text: '{{first_name}}, tu pedido {{order_id}} ya salió.', example: { body_text_named_params: [{ param_name: 'first_name', example: 'Ana' }, { param_name: 'order_id', example: '123' }] } },
        { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Seguir el envío', url: 'https://envios.example/{{1}}', example: ['https://envios.example/123'] }] },
      ],
    },
    {
      id: '920070352646144', name: 'promo_invierno', language: 'es_AR', category: 'MARKETING', status: 'PENDING',
      components: [{ type: 'BODY', text: 'Llegó el invierno: 2x1 en pizzas.' }],
    },
  ];
}

/**
 * The pizzería's reminder of an order left halfway on its web (the start tests' template), approved in es_AR;
 * the WABA also lists the winter promotion, still PENDING, and the reminder in Portuguese.
 */
export function startTemplates(): GraphTemplate[] {
  const reminder = (language: string, text: string): GraphTemplate => ({
    id: `92007035264615${language === 'es_AR' ? 1 : 2}`, name: 'pedido_pendiente', language, category: 'UTILITY', status: 'APPROVED',
    components: [{ type: 'BODY', text, example: { body_text: [['Ana', 'Napolitana']] } }],
  });
  return [
    reminder('es_AR', 'Hola {{1}}, tu {{2}} te espera: ¿de qué tamaño la querés?'),
    reminder('pt_BR', 'Olá {{1}}, sua {{2}} está esperando: de que tamanho você quer?'),
    ...sampleTemplates().filter((template) => template.name === 'promo_invierno'),
  ];
}
