/**
 * Customer-service words that mean the same thing, in Spanish and Portuguese
 * (folded: lower case, no accents). Words of one group meet as one concept, so
 * an intent whose examples say "operador" also recognises "atendente" or
 * "alguien". Only synonyms, the same word in the other language, and the
 * words of one measure (a price is "barato" or "caro"; a speed is in "megas"),
 * as any business would use them (people, talking, calls, bills, payments,
 * charges, changes, plans, prices, orders, appointments, places, connectivity).
 * A group never joins words that merely appear together, nor a word that means
 * another thing in another business; inflections are left to the stemmer
 * (intent-terms.ts), so one form of a word is enough; irregular forms are listed.
 */
export const SUPPORT_LEXICON: Readonly<Record<string, readonly string[]>> = {
  person: ['persona', 'pessoa', 'humano', 'alguien', 'alguem', 'operador', 'agente', 'asesor', 'assessor', 'atendente',
    'representante', 'ejecutivo', 'supervisor', 'encargado', 'gerente', 'empleado', 'funcionario'],
  speak: ['hablar', 'falar', 'conversar', 'comunicar', 'contactar', 'contacto', 'contato', 'atender', 'atencion', 'atendimento'],
  phone_call: ['llamar', 'llamada', 'ligar', 'ligacao', 'telefono', 'telefone'],
  help: ['ayuda', 'ajuda', 'soporte', 'suporte', 'asistencia', 'assistencia'],
  problem: ['problema', 'falla', 'falha', 'error', 'erro', 'inconveniente', 'defecto', 'defeito'],
  bill: ['factura', 'fatura', 'boleta', 'boleto', 'recibo', 'comprobante', 'fiscal', 'mensualidad', 'mensalidade', 'cuota', 'extracto'],
  payment: ['pago', 'pagamento', 'abonar', 'debito', 'transferencia', 'tarjeta', 'cartao', 'pix', 'efectivo', 'dinheiro'],
  charge: ['cobro', 'cobranca', 'cargo', 'recargo', 'monto', 'importe', 'valor', 'saldo', 'deuda', 'divida', 'multa', 'vencimiento', 'vencimento'],
  change: ['cambiar', 'trocar', 'mudar', 'modificar', 'alterar'],
  plan: ['plan', 'plano', 'suscripcion', 'assinatura'],
  // A bundle for a telecom, a parcel for a shop: its own concept, not a plan.
  package: ['paquete', 'pacote'],
  cancel: ['cancelar', 'rescindir', 'desuscribir', 'anular'],
  improve: ['upgrade', 'mejorar', 'melhorar'],
  increase: ['aumentar', 'ampliar'],
  price: ['precio', 'preco', 'costo', 'custo', 'tarifa', 'barato', 'caro', 'economico'],
  refund: ['reembolso', 'devolucion', 'devolver', 'estorno', 'reintegro'],
  complaint: ['reclamo', 'queja', 'reclamacao', 'denuncia'],
  order: ['pedido', 'encomenda', 'envio', 'entrega', 'delivery', 'compra'],
  appointment: ['turno', 'cita', 'agendar', 'agendamento', 'reserva'],
  open: ['abrir', 'abierto', 'aberto'],
  close: ['cerrar', 'cerrado', 'fechar', 'fechado'],
  place: ['direccion', 'endereco', 'ubicacion', 'sucursal', 'local', 'loja', 'tienda'],
  not: ['no', 'nao'],
  nor: ['ni', 'nem'],
  without: ['sin', 'sem'],
  more: ['mas', 'mais'],
  send: ['mandar', 'enviar'],
  arrive: ['llegar', 'chegar'],
  load: ['cargar', 'carregar'],
  come_back: ['volver', 'voltar', 'regresar'],
  switch_on: ['prender', 'encender'],
  switch_off: ['apagar', 'desligar'],
  red: ['rojo', 'vermelho'],
  blink: ['titilar', 'parpadear', 'piscar'],
  wrong: ['errado', 'equivocado', 'incorrecto', 'incorreto'],
  fast: ['rapido', 'veloz'],
  slow: ['lento', 'lentitud', 'lentidao', 'devagar', 'lerdo', 'demora', 'tardar', 'trabar', 'travar', 'lag', 'congelar'],
  unstable: ['inestable', 'instavel', 'intermitente', 'oscilar'],
  weak: ['debil', 'fraco'],
  fall: ['caer', 'cair', 'caido', 'cayo', 'caiu', 'caindo', 'cayendo', 'queda'],
  connect: ['conexion', 'conexao', 'conectar'],
  signal: ['senal', 'sinal'],
  cable: ['cable', 'cabo'],
  network: ['red', 'rede'],
  router: ['modem', 'router', 'roteador', 'enrutador'],
  light: ['luz', 'led'],
  speed: ['velocidad', 'velocidade', 'mega', 'giga', 'mbps'],
};
