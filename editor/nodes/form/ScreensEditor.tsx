import { useState } from 'react';
import { useT } from '../../i18n/index.ts';
import { ListEditor, TextField } from '../../inspector/fields/index.ts';
import { useInspectorEnvironment } from '../../inspector/InspectorContext.ts';
import { FLOW_JSON_LIMITS } from '../../../schema/index.ts';
import { ComponentEditor } from './ComponentEditor.tsx';
import { freshFieldName, freshScreenId, INPUT_COMPONENTS, TEXT_COMPONENTS, type ComponentType, type FlowComponent, type FormScreen } from './flow-json.ts';
import { messages } from './messages.ts';
import { newComponent } from './new-component.ts';

const COMPONENT_TYPES: readonly ComponentType[] = [...TEXT_COMPONENTS, ...INPUT_COMPONENTS];
/** docs/whatsapp.md §4: at most 50 components on a screen, its Footer included. */
const MAX_COMPONENTS = 49;

function AddComponent({ screens, append }: { screens: readonly FormScreen[]; append(component: FlowComponent): void }) {
  const t = useT(messages);
  const { endGesture } = useInspectorEnvironment();
  const [type, setType] = useState<ComponentType>('TextInput');
  return (
    <div className="insp-add-row">
      <select aria-label={t('componentType')} data-testid="form-component-type" className="insp-input" value={type}
        onChange={(event) => setType(event.target.value as ComponentType)}>
        {COMPONENT_TYPES.map((option) => <option key={option} value={option}>{t(option)}</option>)}
      </select>
      <button type="button" className="insp-list-add" data-testid="form-component-add"
        onClick={() => { append(newComponent(type, freshFieldName(screens), t)); endGesture(); }}>
        + {t('addComponent')}
      </button>
    </div>
  );
}

/** The visual editor of a form's screens and their components; every change rewrites the Flow JSON. */
export function ScreensEditor({ screens, onChange }: { screens: FormScreen[]; onChange(screens: FormScreen[]): void }) {
  const t = useT(messages);
  return (
    <ListEditor
      name="screens"
      items={screens}
      onChange={onChange}
      create={(current) => ({ id: freshScreenId(current), title: t('screen', { n: current.length + 1 }), components: [], footerLabel: t('submit') })}
      itemTitle={(screen, index) => `${t('screen', { n: index + 1 })} · ${screen.id}`}
      addLabel={t('addScreen')}
      min={1}
      renderItem={(screen, s, change) => (
        <>
          <TextField name={`screens.${s}.title`} label={t('screenTitle')} value={screen.title} onChange={(title) => change({ ...screen, title })} />
          <h5 className="insp-subsection">{t('components')}</h5>
          <ListEditor
            name={`screens.${s}.components`}
            items={screen.components}
            onChange={(components) => change({ ...screen, components })}
            renderAdd={(append) => <AddComponent screens={screens} append={append} />}
            itemTitle={(component) => `${t(component.type as ComponentType)}${typeof component.name === 'string' ? ` · ${component.name}` : ''}`}
            addLabel={t('addComponent')}
            max={MAX_COMPONENTS}
            renderItem={(component, c, changeComponent) => (
              <ComponentEditor path={`screens.${s}.components.${c}`} component={component} onChange={changeComponent} />
            )}
          />
          <TextField name={`screens.${s}.footerLabel`} label={t('footerLabel')} value={screen.footerLabel}
            limit={FLOW_JSON_LIMITS.footerLabel} onChange={(footerLabel) => change({ ...screen, footerLabel })} />
        </>
      )}
    />
  );
}
