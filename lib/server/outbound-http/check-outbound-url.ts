import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

// Outbound calls (Slack, CRM, e-mail APIs) go to URLs that admins or agents supplied, so they are
// checked against SSRF: no private, loopback, link-local, CGNAT, multicast or cloud-metadata
// addresses, for every address the name resolves to. The caller then connects to the checked
// address itself (no second lookup an attacker could rebind) and never follows redirects.

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 96], // unspecified and IPv4-compatible (::10.0.0.1)
  ['64:ff9b::', 96], // NAT64: reaches the IPv4 address in its last 32 bits
  ['64:ff9b:1::', 48], // local-use NAT64
  ['2002::', 16], // 6to4: embeds an IPv4 address
  ['fec0::', 10], // deprecated site-local
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['fd00:ec2::', 32],
] as const)
  blocked.addSubnet(net, prefix, 'ipv6');
const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

export class OutboundUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutboundUrlError';
  }
}

export interface CheckedTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

function classify(address: string, allowLoopback: boolean): string | null {
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  // IPv4-mapped IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it carries.
  const mapped = family === 'ipv6' ? address.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i)?.[1] : undefined;
  if (mapped) return classify(mapped, allowLoopback);
  if (loopback.check(address, family)) return allowLoopback ? null : 'a loopback address';
  if (blocked.check(address, family)) return 'a private, link-local or reserved address';
  return null;
}

// Web services listen on 80/443; other ports (an internal admin API behind a public address)
// need OUTBOUND_ALLOWED_PORTS. Loopback test receivers (allowLoopback) may use any port.
const STANDARD_PORTS = new Set([80, 443]);

export async function checkOutboundUrl(
  raw: string,
  opts: {
    allowLoopback: boolean;
    allowedPorts?: readonly number[];
    resolve?: (host: string) => Promise<{ address: string; family: number }[]>;
  },
): Promise<CheckedTarget> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundUrlError('Not a valid URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && opts.allowLoopback))
    throw new OutboundUrlError('Only https URLs are allowed');
  if (url.username || url.password) throw new OutboundUrlError('URLs with credentials are not allowed');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const resolve = opts.resolve ?? ((h: string) => dnsLookup(h, { all: true, verbatim: true }));
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await resolve(host).catch(() => []);
  if (!addresses.length) throw new OutboundUrlError(`Cannot resolve ${host}`);
  for (const a of addresses) {
    const problem = classify(a.address, opts.allowLoopback);
    if (problem) throw new OutboundUrlError(`${host} resolves to ${a.address}, ${problem}`);
  }
  const allLoopback = addresses.every((a) => loopback.check(a.address, a.family === 6 ? 'ipv6' : 'ipv4'));
  if (url.protocol === 'http:' && !allLoopback) {
    throw new OutboundUrlError('Plain http is only allowed to loopback test receivers');
  }
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  if (!STANDARD_PORTS.has(port) && !opts.allowedPorts?.includes(port) && !(opts.allowLoopback && allLoopback)) {
    throw new OutboundUrlError(`Port ${port} is not allowed (only 80 and 443 unless OUTBOUND_ALLOWED_PORTS lists it)`);
  }
  return { url, address: addresses[0]!.address, family: addresses[0]!.family === 6 ? 6 : 4 };
}
