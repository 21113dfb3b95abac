import { create } from 'zustand';
import { isApiError } from '../api/api-error.ts';
import type { Me } from '../api/types.ts';
import { api } from './api.ts';
import { tokenStorage } from './token-storage.ts';

export type SessionStatus = 'checking' | 'signed-out' | 'signed-in';

interface SessionState {
  status: SessionStatus;
  me: Me | null;
  /** Why the last sign-in failed (an ApiError, worded by its code when shown). */
  error: unknown;
  /** Checks the token with `GET /api/me`, stores it when valid. */
  signIn(token: string): Promise<boolean>;
  /** Re-checks the stored token on start. */
  restore(): Promise<void>;
  signOut(): void;
}

/** Who is signed in, and with which role (the UI adapts to it). */
export const useSession = create<SessionState>((set) => ({
  status: tokenStorage.read() ? 'checking' : 'signed-out',
  me: null,
  error: null,

  async signIn(token) {
    const previous = tokenStorage.read();
    tokenStorage.write(token.trim());
    try {
      const me = await api.me();
      set({ status: 'signed-in', me, error: null });
      return true;
    } catch (error) {
      tokenStorage.write(previous);
      set({ status: 'signed-out', me: null, error });
      return false;
    }
  },

  async restore() {
    const token = tokenStorage.read();
    if (!token) return set({ status: 'signed-out' });
    try {
      set({ status: 'signed-in', me: await api.me(), error: null });
    } catch (error) {
      // Only a refused token is forgotten; a server that is down keeps you signed in for a retry.
      if (isApiError(error, 401)) tokenStorage.write(null);
      set({ status: 'signed-out', me: null, error });
    }
  },

  signOut() {
    tokenStorage.write(null);
    set({ status: 'signed-out', me: null, error: null });
  },
}));
