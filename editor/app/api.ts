import { apiClient } from '../api/api-client.ts';
import { useLocale } from '../i18n/index.ts';
import { tokenStorage } from './token-storage.ts';

/**
 * The one API client of the editor, authenticated with the stored token and speaking the UI's
 * language: every request says it (Accept-Language), and errors come worded in it.
 */
export const api = apiClient({ token: tokenStorage.read, locale: () => useLocale.getState().locale });
