import { capabilities } from '../app/capabilities.ts';
import { useSession } from '../app/session.ts';
import { TopBar } from '../app/top-bar.tsx';
import { useStoredState } from '../app/use-stored-state.ts';
import { useT } from '../i18n/index.ts';
import { ChannelsSection } from './settings/channels-section.tsx';
import { messages } from './settings/messages.ts';
import { PeopleSection } from './settings/people-section.tsx';
import './settings/settings.css';

type Tab = 'people' | 'channels';
const isTab = (value: unknown): value is Tab => value === 'people' || value === 'channels';

/** The team's settings: people and their API tokens, and the WhatsApp numbers; read only for non-admins. */
export function SettingsPage() {
  const t = useT(messages);
  const role = useSession((state) => state.me?.role ?? null);
  const { manageTeam } = capabilities(role);
  const [chosen, setTab] = useStoredState<Tab>('session', 'charla.settings.tab', 'people', isTab);
  const tabs: Tab[] = manageTeam ? ['people', 'channels'] : ['channels'];
  const tab = tabs.includes(chosen) ? chosen : 'channels';
  return (
    <div className="page">
      <TopBar />
      <main className="page-body narrow" data-testid="settings-page">
        <div className="page-heading"><h1>{t('title')}</h1></div>
        {!manageTeam && <p className="banner" data-testid="settings-readonly">{t('readOnly')}</p>}
        <div className="settings-tabs" role="tablist">
          {tabs.map((name) => (
            <button key={name} role="tab" aria-selected={tab === name} data-testid={`settings-tab-${name}`}
              className={tab === name ? 'settings-tab settings-tab-active' : 'settings-tab'} onClick={() => setTab(name)}>
              {t(name === 'people' ? 'tabPeople' : 'tabChannels')}
            </button>
          ))}
        </div>
        <div role="tabpanel">
          {tab === 'people' && manageTeam && <PeopleSection />}
          {tab === 'channels' && <ChannelsSection canManage={manageTeam} />}
        </div>
      </main>
    </div>
  );
}
