import ipaddr from 'ipaddr.js';

/**
 * Why an API call may not connect to `address`, or undefined when it may.
 * Only public unicast addresses pass: loopback, private (10/8, 172.16/12,
 * 192.168/16, fc00::/7), link-local (169.254/16 with the cloud metadata
 * address, fe80::/10), unspecified, CGNAT, multicast, reserved, and IPv6
 * forms that embed an IPv4 address (mapped, NAT64, 6to4, Teredo) are refused.
 * An IPv4-mapped IPv6 address is judged as the IPv4 address it carries.
 * @example blockedAddressReason('169.254.169.254') // 'linkLocal'
 * @example blockedAddressReason('::ffff:127.0.0.1') // 'loopback'
 * @example blockedAddressReason('93.184.215.14') // undefined
 */
export function blockedAddressReason(address: string): string | undefined {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  return range === 'unicast' ? undefined : range;
}

/** The IP address a URL's hostname spells out (`[::1]` → `::1`), or undefined for a name. */
export function ipLiteralOf(hostname: string): string | undefined {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? bare : undefined;
}
