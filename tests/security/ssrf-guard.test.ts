import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import { checkOutboundUrl } from '@/lib/server/outbound-http/check-outbound-url';

// Finding (low): the SSRF guard let IPv6 forms that embed or reach IPv4 (NAT64, 6to4,
// IPv4-compatible) and deprecated site-local through, and allowed any port.

const resolveTo = (address: string) => async () => [{ address, family: address.includes(':') ? 6 : 4 }];
const strict = { allowLoopback: false };

describe('SSRF guard: IPv6 that reaches IPv4 or is not global', () => {
  it.each([
    ['NAT64 to metadata', '64:ff9b::a9fe:a9fe'],
    ['NAT64 to 10/8', '64:ff9b::a00:1'],
    ['local-use NAT64', '64:ff9b:1::a00:1'],
    ['6to4 of 10.0.0.1', '2002:a00:1::1'],
    ['6to4 of 127.0.0.1', '2002:7f00:1::1'],
    ['IPv4-compatible 10.0.0.1', '::a00:1'],
    ['IPv4-compatible metadata', '::169.254.169.254'],
    ['site-local', 'fec0::1'],
    ['site-local upper', 'feff::1'],
  ])('%s (%s) is refused, by literal and by DNS', async (_label, address) => {
    await expect(checkOutboundUrl(`https://[${address}]/x`, strict)).rejects.toThrow(/reserved|private|loopback/);
    await expect(
      checkOutboundUrl('https://hooks.example.com/x', { ...strict, resolve: resolveTo(address) }),
    ).rejects.toThrow(/resolves to/);
  });

  it('still accepts a global IPv6 address', async () => {
    await expect(checkOutboundUrl('https://[2606:4700::1111]/x', strict)).resolves.toMatchObject({ family: 6 });
  });
});

describe('SSRF guard: ports', () => {
  it.each([
    ['https://hooks.example.com/x', true],
    ['https://hooks.example.com:443/x', true],
    ['https://hooks.example.com:8443/x', false],
    ['https://hooks.example.com:22/x', false],
    ['https://hooks.example.com:6379/x', false],
  ])('%s → allowed %s', async (url, allowed) => {
    const check = checkOutboundUrl(url, { ...strict, resolve: resolveTo('34.205.1.2') });
    if (allowed) await expect(check).resolves.toBeTruthy();
    else await expect(check).rejects.toThrow(/Port/);
  });

  it('a port listed in OUTBOUND_ALLOWED_PORTS is allowed', async () => {
    const { OUTBOUND_ALLOWED_PORTS } = parseEnv({ OUTBOUND_ALLOWED_PORTS: '8443, 9000' });
    expect(OUTBOUND_ALLOWED_PORTS).toEqual([8443, 9000]);
    await expect(
      checkOutboundUrl('https://hooks.example.com:8443/x', {
        ...strict,
        allowedPorts: OUTBOUND_ALLOWED_PORTS,
        resolve: resolveTo('34.205.1.2'),
      }),
    ).resolves.toBeTruthy();
  });
});
