const KEY = 'charla.token';

/** The bearer token kept in localStorage, so a reload stays signed in. */
export const tokenStorage = {
  read(): string | null {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY);
  },
  write(token: string | null): void {
    if (typeof localStorage === 'undefined') return;
    if (token === null) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, token);
  },
};
