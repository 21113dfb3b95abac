import { ADMIN_TOKEN_PRINCIPAL } from '../../schema/api/roles.ts';
import { defineMessages, useT } from '../i18n/index.ts';

const messages = defineMessages({
  es: { adminToken: 'Administrador (token del servidor)' },
  pt: { adminToken: 'Administrador (token do servidor)' },
  en: { adminToken: 'Administrator (server token)' },
});

/**
 * Words for a principal's name (who signed in, who published a version). The server records whoever
 * signs in with CHARLA_ADMIN_TOKEN under a technical name; API tokens go by the name they were given.
 * @example const principalName = usePrincipalName(); principalName(me.name)
 */
export function usePrincipalName(): (name: string) => string {
  const t = useT(messages);
  return (name) => (name === ADMIN_TOKEN_PRINCIPAL ? t('adminToken') : name);
}
