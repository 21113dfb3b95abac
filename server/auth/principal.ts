import type { Role } from '../../schema/api/roles.ts';

/** Who made a request: the name is recorded as the author of versions and simulations. */
export interface Principal {
  name: string;
  role: Role;
  /** The api_tokens row, or null for CHARLA_ADMIN_TOKEN. */
  tokenId: string | null;
}
