import { useCallback, useEffect, useState } from 'react';
import { api } from '../app/api.ts';
import { capabilities } from '../app/capabilities.ts';
import { useSession } from '../app/session.ts';
import { TopBar } from '../app/top-bar.tsx';
import { ResolvedHistoryLink } from '../history/history-link.tsx';
import type { Conversation } from '../api/types.ts';
import { useErrorText } from '../i18n/error-text.ts';
import { useT } from '../i18n/index.ts';
import { ConversationItem } from './inbox/conversation-item.tsx';
import { ConversationView } from './inbox/conversation-view.tsx';
import { messages } from './inbox/messages.ts';
import { useNow } from './inbox/use-now.ts';
import '../simulator/simulator.css';
import './inbox/inbox.css';

/** New messages from waiting customers show up without a reload. */
const POLL_MS = 5000;
/** Relative times and waiting times move on between polls too. */
const TICK_MS = 30_000;

type Notice = { kind: 'error'; error: unknown; source: 'load' | 'action' } | { kind: 'resolved' } | { kind: 'takenOver' };

/** The two lists: conversations waiting for a person, and those the bot runs (which a person may take over). */
type Tab = 'handoff' | 'active';
const TABS = { handoff: 'waitingTab', active: 'botTab' } as const;

/**
 * Conversations handed to a person: pick one, read its history, reply, hand it back to the bot.
 * The bot's own conversations can be taken over. Roles that may not message customers only read.
 */
export function InboxPage() {
  const t = useT(messages);
  const describeError = useErrorText();
  const now = useNow(TICK_MS);
  const [conversations, setConversations] = useState<Conversation[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('handoff');
  const canAnswer = capabilities(useSession((state) => state.me?.role ?? null)).answer;
  // Kept as data and worded at render, so a language switch rewords it too.
  const [notice, setNotice] = useState<Notice | null>(null);
  // The header names the flow; until the list comes (or if it fails) the id stands in.
  const [flowNames, setFlowNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    api.listFlows().then((flows) => setFlowNames(new Map(flows.map((flow) => [flow.id, flow.name]))), () => undefined);
  }, []);
  const fail = (error: unknown) => setNotice({ kind: 'error', error, source: 'action' });

  const reload = useCallback(() => api.listConversations(tab).then((list) => {
    setConversations(list);
    // A failed poll (server restarting) is over once one succeeds; an agent's failed reply stays.
    setNotice((shown) => (shown?.kind === 'error' && shown.source === 'load' ? null : shown));
  }, (error: unknown) => setNotice({ kind: 'error', error, source: 'load' })), [tab]);
  useEffect(() => {
    void reload();
    const timer = setInterval(() => void reload(), POLL_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const current = conversations?.find((conversation) => String(conversation.id) === selected);

  return (
    <div className="page">
      <TopBar />
      <main className="page-body inbox">
        <aside className="inbox-list" data-testid="inbox-list">
          <div className="page-heading">
            <h1>{t('title')}</h1>
            <button className="btn btn-small btn-ghost" onClick={() => void reload()}>{t('refresh')}</button>
          </div>
          <ResolvedHistoryLink />
          <div className="inbox-tabs" role="tablist">
            {(Object.keys(TABS) as Tab[]).map((name) => (
              <button key={name} role="tab" aria-selected={tab === name} data-testid={`inbox-tab-${name}`}
                className={tab === name ? 'btn btn-small inbox-tab inbox-tab-selected' : 'btn btn-small btn-ghost inbox-tab'}
                onClick={() => { setTab(name); setSelected(null); setConversations(null); }}>{t(TABS[name])}</button>
            ))}
          </div>
          {notice && <p className={notice.kind === 'error' ? 'banner banner-error' : 'banner'} role="status" data-testid="inbox-notice">
            {notice.kind === 'error' ? describeError(notice.error) : t(notice.kind)}
          </p>}
          {conversations?.length === 0 && <p className="empty-state">{t(tab === 'handoff' ? 'empty' : 'emptyWithBot')}</p>}
          <ul>
            {conversations?.map((conversation) => (
              <li key={conversation.id}>
                <ConversationItem conversation={conversation} now={now} selected={String(conversation.id) === selected}
                  onSelect={() => setSelected(String(conversation.id))} />
              </li>
            ))}
          </ul>
        </aside>
        {current
          ? <ConversationView key={String(current.id)} conversation={current} flowName={flowNames.get(current.flowId) ?? current.flowId}
              now={now} canAnswer={canAnswer}
              onTakeOver={async () => {
                try {
                  await api.takeOverConversation(current.id);
                  setTab('handoff');
                  setNotice({ kind: 'takenOver' });
                } catch (error) { fail(error); }
              }}
              onReply={async (text) => { try { await api.replyToConversation(current.id, text); await reload(); } catch (error) { fail(error); throw error; } }}
              onResolve={async () => {
                try {
                  await api.resolveConversation(current.id);
                  setSelected(null);
                  setNotice({ kind: 'resolved' });
                  await reload();
                } catch (error) { fail(error); }
              }} />
          : <p className="inbox-placeholder muted">{t('pick')}</p>}
      </main>
    </div>
  );
}
