// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ADMIN_TOKEN_PRINCIPAL, FIRST_ADMIN_TOKEN } from '../../schema/api/roles.ts';
import { useLocale } from '../i18n/index.ts';
import { AccountMenu, initialsOf } from './account-menu.tsx';
import { useSession } from './session.ts';

afterEach(cleanup);
beforeEach(() => {
  act(() => useLocale.getState().setLocale('es'));
  useSession.setState({ status: 'signed-in', me: { name: ADMIN_TOKEN_PRINCIPAL, role: 'admin' } });
});

async function openMenu() {
  render(<><AccountMenu /><p data-testid="outside">fuera</p></>);
  fireEvent.click(screen.getByTestId('account-button'));
  await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('language-es')));
}

describe('account menu', () => {
  it('names the server-token admin in words (never the technical principal), with initials and role', () => {
    render(<AccountMenu />);
    const button = screen.getByTestId('account-button');
    expect(screen.getByTestId('account').dataset.role).toBe('admin');
    expect(button.title).toBe('Administrador (token del servidor) · Administrador');
    expect(button.textContent).toBe('ATAdministrador');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(initialsOf('Tere (QA)')).toBe('TQ');
    expect(initialsOf('??')).toBe('?');
  });

  it('names the admin token npm start creates in the UI language, in Portuguese too', () => {
    useSession.setState({ status: 'signed-in', me: { name: FIRST_ADMIN_TOKEN.name, role: 'admin' } });
    render(<AccountMenu />);
    expect(screen.getByTestId('account-button').title).toBe('Administrador (creado al iniciar Charla) · Administrador');
    act(() => useLocale.getState().setLocale('pt'));
    expect(screen.getByTestId('account-button').title).toMatch(/^Administrador \(criado ao iniciar o Charla\) · /);
  });

  it('opens on a click with the focus on its first item; arrows move it; Escape closes and gives the focus back', async () => {
    await openMenu();
    expect(screen.getByRole('menu')).toBeTruthy();
    expect(screen.getByTestId('account-name').textContent).toBe('Administrador (token del servidor)');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByTestId('language-pt'));
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toBe(screen.getByTestId('sign-out'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByTestId('language-es'));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('account-button'));
  });

  it('switches the UI language from the menu and closes on a click outside', async () => {
    await openMenu();
    expect(screen.getByTestId('language-es').getAttribute('aria-checked')).toBe('true');
    fireEvent.click(screen.getByTestId('language-en'));
    expect(useLocale.getState().locale).toBe('en');
    expect(screen.getByTestId('language-en').getAttribute('aria-checked')).toBe('true');
    expect(screen.getByTestId('sign-out').textContent).toContain('Sign out');
    fireEvent.pointerDown(screen.getByTestId('outside'));
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('signs out from the menu', async () => {
    const signOut = vi.fn();
    useSession.setState({ signOut });
    await openMenu();
    fireEvent.click(screen.getByTestId('sign-out'));
    expect(signOut).toHaveBeenCalledOnce();
  });
});
