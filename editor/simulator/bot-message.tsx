import { useEffect, type ReactNode } from 'react';
import type { GraphInteractive, GraphMedia, GraphMessage, InboundMessage } from '../api/types.ts';
import { useT, type Translate } from '../i18n/index.ts';
import type { ChatEntry } from './chat-entry.ts';
import { clock } from './clock.ts';
import { inbound } from './inbound-messages.ts';
import { messages } from './messages.ts';
import { ReactionTool } from './message-tools.tsx';
import { renderSentTemplate } from './template-message.ts';
import { useTemplates } from '../templates/templates-store.ts';
import { WaText } from './wa-text.tsx';

type BotEntry = Extract<ChatEntry, { from: 'bot' }>;

interface BotMessageProps {
  entry: BotEntry;
  onReply(message: InboundMessage): void;
  onOpenList(entry: BotEntry): void;
  onOpenForm(entry: BotEntry): void;
  /** The customer's reaction to it, if any. */
  reaction?: string;
  /** Reacting is held while the bot answers or the chat is closed. */
  reactDisabled?: boolean;
  onReact?(entry: BotEntry, emoji: string): void;
}

/** Plain glyphs, so the placeholders draw without an emoji font. */
const MEDIA_ICON = { image: '▣', video: '▶', audio: '♪', document: '▤' } as const;
const MEDIA_LABEL = { image: 'photo', video: 'video', audio: 'audio', document: 'document' } as const;
type MediaKind = keyof typeof MEDIA_ICON;

function Media({ kind, media, t }: { kind: MediaKind; media: GraphMedia; t: Translate<typeof messages.es> }) {
  return (
    <>
      <div className={`wa-media wa-media-${kind}`} data-testid="bubble-media" data-kind={kind}>
        <span className="wa-media-icon" aria-hidden="true">{MEDIA_ICON[kind]}</span>
        <span className="wa-media-name">{media.filename ?? t(MEDIA_LABEL[kind])}</span>
        {media.link && <span className="wa-media-link">{media.link}</span>}
      </div>
      {media.caption && <div className="wa-bubble-text"><WaText text={media.caption} /></div>}
    </>
  );
}

function InteractiveBody({ interactive, t }: { interactive: GraphInteractive; t: Translate<typeof messages.es> }) {
  const header = interactive.header;
  const mediaKind = header && header.type !== 'text' && header.type in MEDIA_ICON ? header.type as MediaKind : undefined;
  const media = mediaKind && header?.[mediaKind as 'image' | 'video' | 'document'];
  return (
    <>
      {media && <Media kind={mediaKind!} media={media} t={t} />}
      {header?.text && <div className="wa-bubble-header">{header.text}</div>}
      {interactive.body && <div className="wa-bubble-text"><WaText text={interactive.body.text} /></div>}
      {interactive.footer && <div className="wa-bubble-footer">{interactive.footer.text}</div>}
    </>
  );
}

/** A template as the customer reads it, when Charla has read it from Meta; else its name. */
function TemplateContent({ template, t }: { template: NonNullable<GraphMessage['template']>; t: Translate<typeof messages.es> }) {
  const rendered = useTemplates((state) => renderSentTemplate(template, state.templates));
  const load = useTemplates((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);
  if (!rendered) return <div className="wa-bubble-text wa-muted">▤ {t('template', { name: template.name })}</div>;
  return (
    <>
      {rendered.header && <div className="wa-bubble-header">{rendered.header}</div>}
      <div className="wa-bubble-text" data-testid="sim-template-text"><WaText text={rendered.body} /></div>
      {rendered.footer && <div className="wa-bubble-footer">{rendered.footer}</div>}
    </>
  );
}

/** A template's quick replies: a tap arrives as a `button` message with the label as its payload. */
function TemplateActions({ template, onReply }: { template: NonNullable<GraphMessage['template']>; onReply: BotMessageProps['onReply'] }) {
  const rendered = useTemplates((state) => renderSentTemplate(template, state.templates));
  if (!rendered || rendered.quickReplies.length === 0) return null;
  return (
    <div className="wa-actions">
      {rendered.quickReplies.map((text) => (
        <button key={text} className="wa-action" data-testid="sim-quick-reply" onClick={() => onReply(inbound.templateButton(text))}>↩ {text}</button>
      ))}
    </div>
  );
}

/** What sits under the bubble: reply buttons, the list button or the form's call to action. */
function Actions({ entry, onReply, onOpenList, onOpenForm }: BotMessageProps) {
  const t = useT(messages);
  const interactive = entry.message.interactive;
  if (entry.message.type === 'template' && entry.message.template) return <TemplateActions template={entry.message.template} onReply={onReply} />;
  if (!interactive) return null;
  if (interactive.type === 'button') {
    return (
      <div className="wa-actions">
        {(interactive.action.buttons ?? []).map(({ reply }) => (
          <button key={reply.id} className="wa-action" data-testid="sim-reply-button" data-id={reply.id}
            onClick={() => onReply(inbound.buttonReply(reply.id, reply.title))}>↩ {reply.title}</button>
        ))}
      </div>
    );
  }
  if (interactive.type === 'list') {
    return <div className="wa-actions"><button className="wa-action" data-testid="sim-list-button" onClick={() => onOpenList(entry)}>☰ {interactive.action.button}</button></div>;
  }
  if (interactive.type === 'cta_url') {
    const { url, display_text: label } = interactive.action.parameters ?? {};
    return <div className="wa-actions"><a className="wa-action" data-testid="sim-link-button" href={url} target="_blank" rel="noreferrer noopener">↗ {label}</a></div>;
  }
  if (interactive.type === 'location_request_message') {
    return <div className="wa-actions"><button className="wa-action" data-testid="sim-send-location" onClick={() => onReply(inbound.location())}>◉ {t('sendLocation')}</button></div>;
  }
  if (interactive.type === 'flow') {
    return <div className="wa-actions"><button className="wa-action" data-testid="sim-form-button" onClick={() => onOpenForm(entry)}>↗ {interactive.action.parameters?.flow_cta}</button></div>;
  }
  return null;
}

function content(message: GraphMessage, t: Translate<typeof messages.es>): ReactNode {
  if (message.type === 'text' && message.text) return <div className="wa-bubble-text"><WaText text={message.text.body} /></div>;
  if (message.type in MEDIA_ICON) {
    const media = message[message.type as MediaKind];
    if (media) return <Media kind={message.type as MediaKind} media={media} t={t} />;
  }
  if (message.type === 'interactive' && message.interactive) return <InteractiveBody interactive={message.interactive} t={t} />;
  if (message.type === 'location' && message.location) {
    const { name, address, latitude, longitude } = message.location;
    return <div className="wa-bubble-text" data-testid="bubble-location">◉ {name ?? t('location')}{address ? ` · ${address}` : ''} <span className="wa-muted">({latitude}, {longitude})</span></div>;
  }
  if (message.type === 'contacts' && message.contacts) {
    return (
      <div className="wa-bubble-text" data-testid="bubble-contacts">
        {message.contacts.map((card, index) => (
          <div key={index}>☺ {card.name.formatted_name}{card.phones?.[0] ? ` · ${card.phones[0].phone}` : ''}{card.emails?.[0] ? ` · ${card.emails[0].email}` : ''}</div>
        ))}
      </div>
    );
  }
  if (message.type === 'reaction' && message.reaction) return <div className="wa-bubble-text wa-muted" data-testid="bubble-reaction">{t('reacted', { emoji: message.reaction.emoji })}</div>;
  if (message.type === 'template' && message.template) return <TemplateContent template={message.template} t={t} />;
  return <div className="wa-bubble-text wa-muted">{t('unsupported', { type: message.type })}</div>;
}

/** One bot message exactly as the Graph API body would show on a phone. */
export function BotMessage(props: BotMessageProps) {
  const t = useT(messages);
  const { entry } = props;
  return (
    <div className="wa-row wa-row-bot" data-testid="sim-bot-message" data-type={entry.message.type}
      data-interactive={entry.message.interactive?.type}>
      <div className="wa-message">
        <div className={`wa-bubble wa-bubble-bot${props.reaction ? ' wa-bubble--reacted' : ''}`}>
          {entry.message.context && <div className="wa-quoted" data-testid="bubble-quoted">↩ {t('quotedReply')}</div>}
          {content(entry.message, t)}
          <span className="wa-time">{clock(entry.at)}</span>
          {props.reaction && <span className="wa-reaction-badge" data-testid="sim-reaction-badge">{props.reaction}</span>}
        </div>
        {entry.cited && (
          <div className="wa-cited" data-testid="sim-cited">{t('cited', { titles: entry.cited.map((cited) => `«${cited.title}»`).join(', ') })}</div>
        )}
        <Actions {...props} />
      </div>
      {props.onReact && (
        <ReactionTool current={props.reaction} disabled={props.reactDisabled ?? false} onReact={(emoji) => props.onReact!(entry, emoji)} />
      )}
    </div>
  );
}
