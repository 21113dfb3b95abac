import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';

/** Why an address is refused, or undefined when it may be reached. */
export type AddressPolicy = (address: string) => string | undefined;

/** Resolves a host name to every address it has (injectable so tests never need real DNS). */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses)));
  });

/** Thrown from the socket's lookup, so the connection is never opened. */
export class BlockedAddressError extends Error {
  override name = 'BlockedAddressError';
  readonly code = 'ERR_CHARLA_BLOCKED_ADDRESS';

  constructor(readonly address: string, readonly range: string) {
    super(`refused address ${address} (${range})`);
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for net/tls sockets that resolves, then refuses the connection when
 * any address is not public. It runs when the socket connects — for every
 * connection, redirects included — so a DNS answer that changes between a check
 * and the connection (DNS rebinding) cannot slip through.
 */
export function guardedLookup(resolver: Resolver, policy: AddressPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolver(hostname).then(
      (found) => {
        const family = options.family === 4 || options.family === 6 ? options.family : undefined;
        const addresses = family === undefined ? found : found.filter((entry) => entry.family === family);
        if (addresses.length === 0) {
          callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
          return;
        }
        for (const { address } of addresses) {
          const range = policy(address);
          if (range !== undefined) {
            callback(new BlockedAddressError(address, range), []);
            return;
          }
        }
        if (options.all === true) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, []),
    );
  };
}
