import type { Translate } from '../../i18n/index.ts';
import type { ComponentType, FlowComponent } from './flow-json.ts';
import type { messages } from './messages.ts';

/** A component as the "add" button inserts it: valid on its own, with a fresh field name for inputs. */
export function newComponent(type: ComponentType, name: string, t: Translate<typeof messages.es>): FlowComponent {
  const choices = [{ id: 'opcion_1', title: t('choice', { n: 1 }) }, { id: 'opcion_2', title: t('choice', { n: 2 }) }];
  switch (type) {
    case 'TextHeading':
    case 'TextSubheading':
    case 'TextBody':
    case 'TextCaption':
      return { type, text: t('newText') };
    case 'TextInput':
      return { type, name, label: t('newLabel'), 'input-type': 'text', required: true };
    case 'TextArea':
      return { type, name, label: t('newLabel'), required: false };
    case 'Dropdown':
    case 'RadioButtonsGroup':
    case 'CheckboxGroup':
      return { type, name, label: t('newLabel'), required: true, 'data-source': choices };
    case 'DatePicker':
      return { type, name, label: t('newLabel'), required: true };
    case 'OptIn':
      return { type, name, label: t('newLabel'), required: true };
    default: {
      const unknown: never = type;
      throw new Error(`Unknown form component ${String(unknown)}`);
    }
  }
}
