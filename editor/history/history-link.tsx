import { routeHref } from '../app/router.ts';
import { useT } from '../i18n/index.ts';
import { messages } from './messages.ts';

/** The inbox's way to conversations already resolved: the history of runs handed to a person. */
export function ResolvedHistoryLink() {
  const t = useT(messages);
  return <a className="btn btn-small btn-ghost" data-testid="inbox-history" href={routeHref({ page: 'history', filter: { outcome: 'handoff' } })}>{t('inboxLink')}</a>;
}
