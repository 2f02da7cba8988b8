import { randomBytes, randomUUID } from 'node:crypto';
import type { ArchiveProviderKind } from '../../shared/domain/providers';
import type { SandboxState } from '../state';

/**
 * Bearer tokens as the identity providers issue them: JWT-shaped (header.payload.signature) so clients
 * that peek at `exp` see the same expiry the sandbox enforces, measured on the simulated clock. The
 * signature is random bytes: nothing verifies it but the sandbox's own token table.
 */

const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

export interface Issued {
  accessToken: string;
  expiresIn: number;
}

export function issueToken(state: SandboxState, provider: ArchiveProviderKind, subject: string, audience: string): Issued {
  const now = state.now().getTime();
  const expiresIn = state.tokenLifetimeSeconds;
  const payload = {
    jti: randomUUID(),
    iss: provider === 'oneatlas' ? 'sandbox/auth/realms/IDP' : 'sandbox/ADS-ID/core',
    aud: audience,
    sub: subject,
    iat: Math.floor(now / 1000),
    exp: Math.floor(now / 1000) + expiresIn,
  };
  const accessToken = `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url(payload)}.${randomBytes(32).toString('base64url')}`;
  // Tokens expired for a day are forgotten here, so a long-running sandbox's table stays small.
  for (const [t, issued] of state.tokens) if (issued.expiresAt < now - 86_400_000) state.tokens.delete(t);
  state.tokens.set(accessToken, { token: accessToken, provider, expiresAt: now + expiresIn * 1000 });
  return { accessToken, expiresIn };
}
