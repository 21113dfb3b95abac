import type { ReactNode } from 'react';
import { useT } from '../i18n/index.ts';
import { BrandMark } from './brand-mark.tsx';
import { LanguageSwitcher } from './language-switcher.tsx';
import { messages } from './messages.ts';
import { routeHref, useRoute } from './router.ts';
import { useSession } from './session.ts';

const ROLE_LABEL = { admin: 'roleAdmin', analyst: 'roleAnalyst', tester: 'roleTester' } as const;

/** The bar on top of every page: brand and navigation, the page's own controls, language and account. */
export function TopBar({ children }: { children?: ReactNode }) {
  const t = useT(messages);
  const { me, signOut } = useSession();
  const route = useRoute();
  return (
    <header className="top-bar">
      <a className="brand" href={routeHref({ page: 'flows' })}><BrandMark /> {t('product')}</a>
      <nav className="top-nav">
        <a href={routeHref({ page: 'flows' })} data-testid="nav-flows" aria-current={route.page !== 'inbox' ? 'page' : undefined}>{t('navFlows')}</a>
        <a href={routeHref({ page: 'inbox' })} data-testid="nav-inbox" aria-current={route.page === 'inbox' ? 'page' : undefined}>{t('navInbox')}</a>
      </nav>
      <div className="top-bar-page">{children}</div>
      <LanguageSwitcher />
      {me && (
        <span className="account" data-testid="account" data-role={me.role} title={me.name}>
          <span className="role-badge">{t(ROLE_LABEL[me.role])}</span>
          <button className="btn btn-ghost" data-testid="sign-out" onClick={signOut}>{t('signOut')}</button>
        </span>
      )}
    </header>
  );
}
