import { useT } from '../i18n/index.ts';
import { AccountMenu } from './account-menu.tsx';
import { BrandMark } from './brand-mark.tsx';
import { messages } from './messages.ts';
import { capabilities } from './capabilities.ts';
import { routeHref, useRoute } from './router.ts';
import { useSession } from './session.ts';

/**
 * The app-level bar on top of every page: brand, navigation and the account menu (name, role,
 * language, sign out). A page's own controls go in its own header, below it.
 */
export function TopBar() {
  const t = useT(messages);
  const route = useRoute();
  const { analytics } = capabilities(useSession((state) => state.me?.role ?? null));
  return (
    <header className="top-bar">
      <a className="brand" href={routeHref({ page: 'flows' })}><BrandMark /> {t('product')}</a>
      <nav className="top-nav">
        <a href={routeHref({ page: 'flows' })} data-testid="nav-flows" aria-current={route.page === 'flows' || route.page === 'editor' ? 'page' : undefined}>{t('navFlows')}</a>
        <a href={routeHref({ page: 'inbox' })} data-testid="nav-inbox" aria-current={route.page === 'inbox' ? 'page' : undefined}>{t('navInbox')}</a>
        {analytics && <a href={routeHref({ page: 'dashboard' })} data-testid="nav-analytics" aria-current={route.page === 'dashboard' || route.page === 'flow-analytics' ? 'page' : undefined}>{t('navAnalytics')}</a>}
        <a href={routeHref({ page: 'history', filter: {} })} data-testid="nav-history" aria-current={route.page === 'history' || route.page === 'run' ? 'page' : undefined}>{t('navHistory')}</a>
        <a href={routeHref({ page: 'settings' })} data-testid="nav-settings" aria-current={route.page === 'settings' ? 'page' : undefined}>{t('navSettings')}</a>
      </nav>
      <span className="spacer" />
      <AccountMenu />
    </header>
  );
}
