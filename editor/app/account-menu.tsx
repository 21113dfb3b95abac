import { useCallback, useId, useRef, useState, type KeyboardEvent } from 'react';
import { LOCALES, useLocale, useT } from '../i18n/index.ts';
import { LANGUAGE_NAMES } from './language-switcher.tsx';
import { messages } from './messages.ts';
import { usePrincipalName } from './principal-name.ts';
import { useSession } from './session.ts';
import { useDismiss } from './use-dismiss.ts';

export const ROLE_LABEL = { admin: 'roleAdmin', analyst: 'roleAnalyst', tester: 'roleTester' } as const;

/** Up to two letters of a name's words ("Tere (QA)" → "TQ"), for the account button's avatar. */
export function initialsOf(name: string): string {
  const letters = name.match(/\p{L}+/gu)?.slice(0, 2).map((word) => word[0]!.toUpperCase()) ?? [];
  return letters.join('') || '?';
}

/** Moves the focus among the menu's items with the arrow keys, Home and End (WAI-ARIA menu pattern). */
function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[role^="menuitem"]')];
  const at = items.indexOf(document.activeElement as HTMLElement);
  const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  items[(next + items.length) % items.length]?.focus();
}

/**
 * The account button at the right of the top bar (initials and role) and its menu: who is signed
 * in, the role, the UI language and signing out. Closes on Escape, Tab or a click elsewhere.
 */
export function AccountMenu() {
  const t = useT(messages);
  const { me, signOut } = useSession();
  const { locale, setLocale } = useLocale();
  const principalName = usePrincipalName();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, root, close, button);
  if (!me) return null;
  const name = principalName(me.name);
  const role = t(ROLE_LABEL[me.role]);
  const openMenu = () => {
    setOpen(true);
    // The menu renders on this update: focus its first item once it is there.
    requestAnimationFrame(() => root.current?.querySelector<HTMLElement>('[role^="menuitem"]')?.focus());
  };
  return (
    <div className="account" ref={root} data-testid="account" data-role={me.role}>
      <button ref={button} type="button" className="account-button" data-testid="account-button" aria-haspopup="menu" aria-expanded={open}
        aria-controls={open ? menuId : undefined} title={`${name} · ${role}`} aria-label={t('accountMenu', { name, role })}
        onClick={() => (open ? setOpen(false) : openMenu())}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            openMenu();
          }
        }}>
        <span className="account-avatar" aria-hidden>{initialsOf(name)}</span>
        <span className="account-role">{role}</span>
      </button>
      {open && (
        <div className="account-menu" role="menu" id={menuId} aria-label={t('accountMenuLabel')} onKeyDown={moveFocus}
          onKeyDownCapture={(event) => { if (event.key === 'Tab') setOpen(false); }}>
          <div className="account-who" role="presentation">
            <strong className="account-name" data-testid="account-name" title={name}>{name}</strong>
            <span className="muted small" data-testid="account-role">{role}</span>
          </div>
          <div className="account-group" role="group" aria-label={t('language')}>
            <span className="account-group-label" aria-hidden>{t('language')}</span>
            {LOCALES.map((code) => (
              <button key={code} type="button" role="menuitemradio" aria-checked={code === locale} tabIndex={-1} className="account-item"
                data-testid={`language-${code}`} lang={code} onClick={() => setLocale(code)}>
                <span className="account-check" aria-hidden>{code === locale ? '✓' : ''}</span>{LANGUAGE_NAMES[code]}
              </button>
            ))}
          </div>
          <button type="button" role="menuitem" tabIndex={-1} className="account-item account-sign-out" data-testid="sign-out" onClick={signOut}>
            <span className="account-check" aria-hidden>⎋</span>{t('signOut')}
          </button>
        </div>
      )}
    </div>
  );
}
