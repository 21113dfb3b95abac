import type { SimulationTurn } from '../api/types.ts';
import type { Translate } from '../i18n/index.ts';
import type { messages } from './messages.ts';

type Adaptation = SimulationTurn['adaptations'][number];

/**
 * The simulator's line for a bot message changed to fit WhatsApp (runtime/whatsapp/adapt.ts), the
 * same change the live path makes, with the Graph API field it concerns.
 * @example adaptationText({ kind: 'split', field: 'text.body', parts: 3 }, t) // 'El texto superaba … en 3 mensajes (text.body).'
 */
export function adaptationText(adaptation: Adaptation, t: Translate<(typeof messages)['es']>): string {
  const field = ` (${adaptation.field})`;
  switch (adaptation.kind) {
    case 'split':
      return t('adaptedSplit', { parts: String(adaptation.parts ?? 2) }) + field;
    case 'body_as_text':
      return t('adaptedBodyAsText', { parts: String(adaptation.parts ?? 1) }) + field;
    case 'clipped':
      return t('adaptedClipped', { limit: String(adaptation.limit ?? '') }) + field;
  }
}
