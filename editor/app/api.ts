import { apiClient } from '../api/api-client.ts';
import { tokenStorage } from './token-storage.ts';

/** The one API client of the editor, authenticated with the stored token. */
export const api = apiClient({ token: tokenStorage.read });
