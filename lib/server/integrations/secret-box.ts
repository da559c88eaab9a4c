import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { getEnv, requireAuthSecret } from '@/lib/env';

// AES-256-GCM for integration secrets. The row id is the additional authenticated data, so a
// ciphertext copied onto another integration does not decrypt. Format: v1.<iv>.<tag>.<data>.
function key(): Buffer {
  const env = getEnv();
  const raw = env.TOLLGATE_ENCRYPTION_KEY;
  if (raw) return /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (env.NODE_ENV === 'production') {
    throw new Error('TOLLGATE_ENCRYPTION_KEY is not set: integrations store secrets encrypted with it.');
  }
  return Buffer.from(hkdfSync('sha256', requireAuthSecret(), 'tollgate', 'integration-secrets', 32));
}

export function sealSecret(plaintext: string, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv).setAAD(Buffer.from(aad));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

export function openSecret(sealed: string, aad: string): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('Unreadable integration secret');
  const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'))
    .setAAD(Buffer.from(aad))
    .setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}
