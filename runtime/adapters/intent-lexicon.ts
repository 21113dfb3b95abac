/**
 * Customer-service words that mean the same thing, in Spanish and Portuguese
 * (folded: lower case, no accents). Words of one group meet as one concept, so
 * an intent whose examples say "operador" also recognises "atendente" or
 * "alguien". General support vocabulary (billing, people, connectivity, plans,
 * orders, appointments, places, hours), not one bot's: a word belongs here
 * only if it means the same in any business that would use it.
 */
export const SUPPORT_LEXICON: Readonly<Record<string, readonly string[]>> = {
  person: ['persona', 'pessoa', 'humano', 'humana', 'alguien', 'alguem', 'operador', 'operadora', 'agente', 'asesor', 'asesora',
    'assessor', 'atendente', 'representante', 'ejecutivo', 'supervisor', 'encargado', 'gerente', 'empleado', 'funcionario'],
  speak: ['hablar', 'falar', 'conversar', 'comunicar', 'comunicame', 'comunicas', 'contactar', 'contacto', 'contato', 'atender', 'atienda', 'atencion', 'atendimento'],
  phone_call: ['llamar', 'llamame', 'llamen', 'llamenme', 'llamada', 'ligar', 'liga', 'ligue', 'ligacao', 'telefono', 'telefone', 'telefonico'],
  bill: ['factura', 'fatura', 'boleta', 'boleto', 'recibo', 'comprobante', 'fiscal', 'cuota', 'mensualidad', 'mensalidade', 'resumen', 'extracto'],
  payment: ['pago', 'pagar', 'pagamento', 'abonar', 'debito', 'debitar', 'debitaron', 'transferencia', 'transferi', 'tarjeta', 'cartao', 'pix', 'efectivo', 'dinheiro'],
  charge: ['cobro', 'cobrar', 'cobranca', 'cobrado', 'cargo', 'recargo', 'monto', 'importe', 'saldo', 'deuda', 'divida', 'multa', 'vencimiento', 'vencida', 'vencimento'],
  slow: ['lento', 'lenta', 'lentitud', 'lentidao', 'devagar', 'lerdo', 'lerda', 'lerdeza', 'demora', 'tarda', 'tardan', 'traba', 'trava', 'lag', 'laguea', 'ping', 'congela'],
  unstable: ['inestable', 'instavel', 'intermitente', 'oscila', 'oscilando', 'desconecta', 'debil', 'fraco', 'fraca'],
  outage: ['caido', 'cayo', 'caiu', 'corte', 'cortado', 'apagado', 'parou', 'desaparecio'],
  connection: ['conexion', 'conexao', 'conectar', 'conectarme', 'red', 'rede', 'wifi', 'senal', 'sinal', 'cable', 'cabo', 'internet', 'net'],
  speed: ['velocidad', 'velocidade', 'megas', 'mega', 'giga', 'gigas', 'mbps', 'speedtest'],
  plan: ['plan', 'plano', 'paquete', 'pacote', 'suscripcion', 'assinatura', 'abono', 'contrato'],
  cancel: ['cancelar', 'cancelacion', 'cancelamento', 'rescindir', 'desuscribir'],
  upgrade: ['upgrade', 'mejorar', 'subir', 'aumentar', 'ampliar'],
  cheap: ['barato', 'barata', 'economico', 'economica', 'caro', 'cara', 'precio', 'preco', 'costo', 'custo'],
  refund: ['reembolso', 'devolucion', 'devolver', 'estorno', 'reintegro'],
  complaint: ['reclamo', 'queja', 'reclamacao', 'denuncia'],
  order: ['pedido', 'encomenda', 'envio', 'entrega', 'delivery', 'compra', 'comprar'],
  appointment: ['turno', 'cita', 'agendar', 'agendamento', 'reservar', 'reserva', 'consulta'],
  place: ['direccion', 'endereco', 'ubicacion', 'sucursal', 'local', 'loja', 'tienda'],
  hours: ['horario', 'hora', 'abre', 'abren', 'cierra', 'aberto', 'abierto'],
};
