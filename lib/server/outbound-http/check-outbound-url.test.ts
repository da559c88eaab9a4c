import { describe, expect, it } from 'vitest';
import { checkOutboundUrl } from './check-outbound-url';

const resolveTo =
  (...addresses: string[]) =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
const strict = { allowLoopback: false };

describe('checkOutboundUrl (SSRF guard)', () => {
  it('accepts https to a public address and pins the resolved address', async () => {
    const t = await checkOutboundUrl('https://hooks.slack.com/services/T/B/X', {
      ...strict,
      resolve: resolveTo('34.205.1.2'),
    });
    expect(t).toMatchObject({ address: '34.205.1.2', family: 4 });
    expect(t.url.hostname).toBe('hooks.slack.com');
  });

  for (const [label, url] of [
    ['private 10/8', 'https://10.1.2.3/x'],
    ['private 172.16/12', 'https://172.20.0.5/x'],
    ['private 192.168/16', 'https://192.168.0.10/x'],
    ['cloud metadata', 'https://169.254.169.254/latest/meta-data'],
    ['loopback', 'https://127.0.0.1:8080/x'],
    ['IPv6 loopback', 'https://[::1]/x'],
    ['IPv4-mapped IPv6 loopback', 'https://[::ffff:127.0.0.1]/x'],
    ['IPv6 unique local', 'https://[fd12:3456::1]/x'],
    ['IPv6 link-local', 'https://[fe80::1]/x'],
    ['CGNAT', 'https://100.64.1.1/x'],
    ['unspecified', 'https://0.0.0.0/x'],
  ] as const) {
    it(`refuses ${label}`, async () => {
      await expect(checkOutboundUrl(url, strict)).rejects.toThrow(/loopback|private|reserved/);
    });
  }

  it('refuses a name that resolves to a private address, even when another address is public', async () => {
    await expect(
      checkOutboundUrl('https://rebind.example.com/', { ...strict, resolve: resolveTo('52.1.1.1', '10.0.0.7') }),
    ).rejects.toThrow(/10\.0\.0\.7/);
  });

  it('refuses plain http, credentials and unresolvable names', async () => {
    await expect(
      checkOutboundUrl('http://hooks.slack.com/x', { ...strict, resolve: resolveTo('34.205.1.2') }),
    ).rejects.toThrow(/https/);
    await expect(
      checkOutboundUrl('https://user:pw@hooks.slack.com/x', { ...strict, resolve: resolveTo('34.205.1.2') }),
    ).rejects.toThrow(/credentials/);
    await expect(checkOutboundUrl('https://nowhere.invalid/x', { ...strict, resolve: async () => [] })).rejects.toThrow(
      /Cannot resolve/,
    );
    await expect(checkOutboundUrl('not a url', strict)).rejects.toThrow(/valid URL/);
  });

  it('allows loopback http only with the explicit test setting, and still refuses private ranges then', async () => {
    await expect(checkOutboundUrl('http://127.0.0.1:9999/hook', { allowLoopback: true })).resolves.toMatchObject({
      address: '127.0.0.1',
    });
    await expect(checkOutboundUrl('http://10.0.0.1/hook', { allowLoopback: true })).rejects.toThrow(/private/);
  });
});
