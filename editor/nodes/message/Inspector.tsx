import type { NodeData } from '../../../schema/index.ts';
import { useT } from '../../i18n/index.ts';
import { CheckboxField, ListEditor, NumberField, orUndefined, SelectField, TextField } from '../../inspector/fields/index.ts';
import { WHATSAPP_LIMITS } from '../../../schema/index.ts';
import { messages as common } from '../messages.ts';
import type { NodeInspectorProps } from '../types.ts';
import { messages } from './messages.ts';

type Data = NodeData<'message'>;
type Media = NonNullable<Data['media']>;
type Location = NonNullable<Data['location']>;
type Contact = NonNullable<Data['contacts']>[number];
const MEDIA_KINDS = ['none', 'image', 'video', 'audio', 'document'] as const;
/** WhatsApp allows five contact cards in one message. */
const MAX_CONTACTS = 5;
/** A new pin starts on the Obelisco (Buenos Aires): a valid place to move from. */
const NEW_LOCATION: Location = { latitude: -34.6037, longitude: -58.3816 };

/**
 * Everything a message node sends (docs/flow-format.md): its text and attachment, one button under the text
 * (a link, `cta_url`, or WhatsApp's location request), a location pin, contact cards and a reaction. Each field is
 * named by its path in the node's data, so a problem there (`/link/url`) opens on it.
 */
export function MessageInspector({ data, update }: NodeInspectorProps<'message'>) {
  const t = useT(messages);
  const tc = useT(common);
  const { media, link, location } = data;
  const setMedia = (patch: Partial<Media>) => update({ media: { kind: 'image', url: '', ...media, ...patch } });
  const setLink = (patch: Partial<NonNullable<Data['link']>>) => update({ link: { label: '', url: '', ...link, ...patch } });
  const setLocation = (patch: Partial<Location>) => update({ location: { ...NEW_LOCATION, ...location, ...patch } });
  return (
    <>
      <TextField name="text" label={tc('text')} value={data.text} onChange={(text) => update({ text })}
        multiline template limit={link || data.requestLocation ? WHATSAPP_LIMITS.interactiveBody : WHATSAPP_LIMITS.textBody} />
      <SelectField name="media.kind" label={t('media')} value={media?.kind ?? 'none'}
        options={MEDIA_KINDS.map((kind) => ({ value: kind, label: t(kind) }))} hint={link ? t('headerHint') : undefined}
        onChange={(kind) => (kind === 'none' ? update({ media: undefined }) : setMedia({ kind }))} />
      {media && (
        <>
          <TextField name="media.url" label={t('url')} value={media.url} placeholder="https://" onChange={(url) => setMedia({ url })} />
          {media.kind !== 'audio' && (
            <TextField name="media.caption" label={t('caption')} value={media.caption ?? ''} template limit={WHATSAPP_LIMITS.caption}
              onChange={(caption) => setMedia({ caption: caption === '' ? undefined : caption })} />
          )}
          {media.kind === 'document' && (
            <TextField name="media.filename" label={t('filename')} value={media.filename ?? ''} onChange={(filename) => setMedia({ filename })} />
          )}
        </>
      )}

      <h4 className="insp-section">{t('buttons')}</h4>
      <CheckboxField name="link" label={t('link')} checked={link !== undefined}
        onChange={(checked) => (checked ? setLink({}) : update({ link: undefined }))} />
      {link && (
        <>
          <TextField name="link.label" label={t('linkLabel')} value={link.label} limit={WHATSAPP_LIMITS.linkLabel} onChange={(label) => setLink({ label })} />
          <TextField name="link.url" label={t('linkUrl')} value={link.url} placeholder="https://" template onChange={(url) => setLink({ url })} />
        </>
      )}
      <CheckboxField name="requestLocation" label={t('requestLocation')} checked={data.requestLocation === true}
        onChange={(checked) => update({ requestLocation: checked || undefined })} />
      {link && data.requestLocation === true && <p className="insp-hint insp-hint--error">{t('oneButton')}</p>}

      <h4 className="insp-section">{t('more')}</h4>
      <CheckboxField name="location" label={t('location')} checked={location !== undefined}
        onChange={(checked) => (checked ? setLocation({}) : update({ location: undefined }))} />
      {location && (
        <>
          <div className="insp-row">
            <NumberField name="location.latitude" label={t('latitude')} value={location.latitude} min={-90} max={90} step={0.0001}
              onChange={(latitude) => setLocation({ latitude: latitude ?? 0 })} />
            <NumberField name="location.longitude" label={t('longitude')} value={location.longitude} min={-180} max={180} step={0.0001}
              onChange={(longitude) => setLocation({ longitude: longitude ?? 0 })} />
          </div>
          <TextField name="location.name" label={t('placeName')} value={location.name ?? ''} template onChange={(name) => setLocation({ name: orUndefined(name) })} />
          <TextField name="location.address" label={t('address')} value={location.address ?? ''} template onChange={(address) => setLocation({ address: orUndefined(address) })} />
        </>
      )}
      <h4 className="insp-section">{t('contacts')}</h4>
      <ListEditor<Contact>
        name="contacts"
        items={data.contacts ?? []}
        onChange={(contacts) => update({ contacts: contacts.length === 0 ? undefined : contacts })}
        create={() => ({ name: '' })}
        itemTitle={(_, index) => t('contact', { n: index + 1 })}
        addLabel={t('addContact')}
        max={MAX_CONTACTS}
        renderItem={(contact, index, change) => (
          <>
            <TextField name={`contacts.${index}.name`} label={t('contactName')} value={contact.name} template onChange={(name) => change({ ...contact, name })} />
            <div className="insp-row">
              <TextField name={`contacts.${index}.phone`} label={t('contactPhone')} value={contact.phone ?? ''} placeholder="+54 9 11 5555 0123"
                onChange={(phone) => change({ ...contact, phone: orUndefined(phone) })} />
              <TextField name={`contacts.${index}.email`} label={t('contactEmail')} value={contact.email ?? ''}
                onChange={(email) => change({ ...contact, email: orUndefined(email) })} />
            </div>
          </>
        )}
      />
      <TextField name="reaction" label={t('reaction')} value={data.reaction ?? ''} placeholder="👍" hint={t('reactionHint')}
        onChange={(reaction) => update({ reaction: orUndefined(reaction) })} />
    </>
  );
}
