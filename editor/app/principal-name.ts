import { ADMIN_TOKEN_PRINCIPAL, FIRST_ADMIN_TOKEN } from '../../schema/api/roles.ts';
import { defineMessages, useT } from '../i18n/index.ts';

const messages = defineMessages({
  es: { adminToken: 'Administrador (token del servidor)', firstAdmin: 'Administrador (creado al iniciar Charla)', startup: 'Charla al iniciar' },
  pt: { adminToken: 'Administrador (token do servidor)', firstAdmin: 'Administrador (criado ao iniciar o Charla)', startup: 'o Charla ao iniciar' },
  en: { adminToken: 'Administrator (server token)', firstAdmin: 'Administrator (created when Charla started)', startup: 'Charla on start' },
});

/**
 * Words for a principal's name (who signed in, who published a version). The server records whoever
 * signs in with CHARLA_ADMIN_TOKEN under a technical name; API tokens go by the name they were given.
 * @example const principalName = usePrincipalName(); principalName(me.name)
 */
export function usePrincipalName(): (name: string) => string {
  const t = useT(messages);
  const words = new Map([
    [ADMIN_TOKEN_PRINCIPAL, t('adminToken')],
    [FIRST_ADMIN_TOKEN.name, t('firstAdmin')],
    [FIRST_ADMIN_TOKEN.createdBy, t('startup')],
  ]);
  return (name) => words.get(name) ?? name;
}
