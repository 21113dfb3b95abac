import type { OutboundMessage, RuntimeEffect, TraceEntry } from '../../runtime/core/types.ts';

/**
 * A bot message as one human-readable line for the terminal.
 * @example describeOutbound({ type: 'text', text: 'Hola' }) // '< Hola'
 */
export function describeOutbound(message: OutboundMessage): string {
  switch (message.type) {
    case 'text':
      return `< ${indent(message.text)}`;
    case 'media':
      return `< [${message.media.kind}] ${message.media.url}${message.media.caption ? ` — ${indent(message.media.caption)}` : ''}`;
    case 'buttons':
      return `< [buttons] ${frame(message)}\n${choices(message.buttons, '#button')}`;
    case 'list':
      return `< [list "${message.button}"] ${frame(message)}\n${choices(message.rows, '#list')}`;
    case 'form':
      return `< [form "${message.cta}", screen ${message.screen}] ${frame(message)}\n    (answer with #form:{...}; the flow_token is added for you)`;
    case 'template':
      return `< [template ${message.name} (${message.language})] ${JSON.stringify(message.bodyParameters ?? {})}`;
    case 'link':
      return `< [link "${message.label}" ${message.url}] ${frame(message)}`;
    case 'location_request':
      return `< [send your location] ${indent(message.body)}\n    (answer with #location:LAT,LON)`;
    case 'location':
      return `< [location] ${message.latitude},${message.longitude}${message.name ? ` ${message.name}` : ''}${message.address ? ` — ${message.address}` : ''}`;
    case 'contacts':
      return `< [contacts] ${message.contacts.map((contact) => [contact.name, contact.phone, contact.email].filter(Boolean).join(' ')).join('; ')}`;
    case 'reaction':
      return `< [reaction ${message.emoji} to your message]`;
    default: {
      const unknown: never = message;
      return `< ${JSON.stringify(unknown)}`;
    }
  }
}

/** The nodes a turn ran, on one line. */
export function describeTrace(trace: TraceEntry[]): string {
  const steps = trace.map((entry) => `${entry.nodeId} (${entry.type})${entry.output ? ` → ${entry.output}` : ''}${entry.detail ? ` [${entry.detail}]` : ''}`);
  return `# trace: ${steps.join(', ')}`;
}

export function describeEffect(effect: RuntimeEffect): string {
  switch (effect.type) {
    case 'handoff_started':
      return `# handoff to a human${effect.queue ? ` (queue ${effect.queue})` : ''}; type #resolve to hand it back to the bot`;
    case 'conversation_ended':
      return '# conversation ended; the next message starts again';
    case 'error':
      return `# error ${effect.code} at ${effect.nodeId}: ${effect.message}`;
    case 'typing_indicator':
      return `# typing… (pause of ${effect.seconds} s)`;
    case 'window_closed':
      return `# the customer's 24-hour window had closed: ${effect.count} message(s) not sent`;
    default: {
      const unknown: never = effect;
      return `# ${JSON.stringify(unknown)}`;
    }
  }
}

function frame(message: { header?: string; body: string; footer?: string }): string {
  return indent([message.header ? `*${message.header}*` : '', message.body, message.footer ? `_${message.footer}_` : ''].filter(Boolean).join('\n'));
}

function choices(options: Array<{ id: string; title: string; description?: string }>, command: string): string {
  return options.map((option, i) => `    ${i + 1}) ${option.title}${option.description ? ` — ${option.description}` : ''}   ${command}:${option.id}`).join('\n');
}

/** Continuation lines of a multi-line text line up under the first. */
function indent(text: string): string {
  return text.replace(/\n/g, '\n  ');
}
