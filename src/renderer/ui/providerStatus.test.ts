import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/errors';
import { providerStatusOf, reachStateOf } from './providerStatus';

const failed = (code: string) => reachStateOf({ ok: false, code });

describe('provider check wording', () => {
  it('tells a missing secret from a refusal and from being offline', () => {
    expect(failed('MISSING_SECRET')).toBe('missing-secret');
    expect(failed('PROVIDER_AUTH')).toBe('refused');
    expect(failed('PROVIDER_UNREACHABLE')).toBe('offline');
    expect(failed('PROVIDER_RATE_LIMITED')).toBe('offline');
    expect(failed('HOST_UNREACHABLE')).toBe('offline');
    expect(failed('KEYCHAIN_UNAVAILABLE')).toBe('keychain-unavailable');
    expect(reachStateOf({ ok: true, code: null })).toBe('online');
  });

  it('offers re-entering the secret only when the secret is missing', () => {
    const missing = providerStatusOf('missing-secret');
    expect(missing.text).toBe('Secret missing from the keychain');
    expect(missing.action).toEqual({ kind: 'edit-account', label: 'Re-enter secret' });
    expect(providerStatusOf('refused')).toMatchObject({ text: 'Provider refused the account', action: null });
    expect(providerStatusOf('offline').text).toMatch(/^Offline/);
  });

  it('calls nothing "refused" unless the provider refused', () => {
    for (const code of ERROR_CODES) {
      const { text } = providerStatusOf(failed(code));
      if (code === 'PROVIDER_AUTH') expect(text).toMatch(/refused/);
      else expect(text, code).not.toMatch(/refused/i);
    }
  });
});
