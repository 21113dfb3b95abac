// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useLocale } from '../i18n/index.ts';
import { SignInPage } from './sign-in-page.tsx';

// The app's one API client binds fetch when it loads: the server stands in before any import runs.
const server = vi.hoisted(() => {
  const requests: Array<{ url: string; headers: Record<string, string> }> = [];
  globalThis.fetch = (async (url: string, init: RequestInit) => {
    requests.push({ url, headers: init.headers as Record<string, string> });
    return new Response(JSON.stringify({ code: 'invalid_token', message: 'The bearer token is not valid' }), { status: 401 });
  }) as typeof fetch;
  return { requests };
});

afterEach(cleanup);

describe('sign-in page', () => {
  it('words a refused token in the UI language (not the server\'s English), and again when the language changes', async () => {
    act(() => useLocale.getState().setLocale('es'));
    render(<SignInPage />);
    fireEvent.change(screen.getByTestId('sign-in-token'), { target: { value: 'chr_wrong' } });
    fireEvent.click(screen.getByTestId('sign-in-submit'));
    expect((await screen.findByTestId('sign-in-error')).textContent).toBe('El token no es válido: revisá que esté completo o pedí uno nuevo.');
    expect(server.requests[0]).toMatchObject({ url: '/api/me', headers: { authorization: 'Bearer chr_wrong', 'accept-language': 'es' } });
    fireEvent.change(screen.getByTestId('language-switcher'), { target: { value: 'en' } });
    expect(screen.getByTestId('sign-in-error').textContent).toBe('The token is not valid: check that it is complete or ask for a new one.');
    act(() => useLocale.getState().setLocale('es'));
  });
});
