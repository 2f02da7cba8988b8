import { isUnreachableCode, type ErrorCode } from '../../shared/errors';

/**
 * What the provider check found, in words the top bar can stand behind: a secret gone from the keychain
 * is the user's to fix (re-enter it), a provider's 401/403 is the provider's verdict, and an unreachable
 * provider says nothing about the account at all. Telling all three "refused" sent users hunting for a
 * wrong password they never typed.
 */
export type ReachState = 'online' | 'offline' | 'refused' | 'missing-secret' | 'keychain-unavailable' | 'incomplete' | 'failed';

/** From `archive.connection`'s answer (or a failed call's code) to what it means. */
export function reachStateOf(report: { ok: boolean; code: ErrorCode | string | null }): ReachState {
  if (report.ok) return 'online';
  const code = report.code ?? '';
  if (isUnreachableCode(code)) return 'offline';
  switch (code) {
    case 'PROVIDER_AUTH':
      return 'refused';
    case 'MISSING_SECRET':
      return 'missing-secret';
    case 'KEYCHAIN_UNAVAILABLE':
      return 'keychain-unavailable';
    case 'ACCOUNT_INCOMPLETE':
      return 'incomplete';
    default:
      return 'failed';
  }
}

export type Tone = 'ok' | 'warn' | 'error' | 'idle';

export interface ProviderStatus {
  tone: Tone;
  text: string;
  /** A fix the top bar offers beside the chip: only where the user can act on this account's form. */
  action: { kind: 'edit-account'; label: string } | null;
}

/** The chip's tone and words, and the fix offered, for each state. */
export function providerStatusOf(state: ReachState): ProviderStatus {
  switch (state) {
    case 'online':
      return { tone: 'ok', text: 'Provider online', action: null };
    case 'offline':
      return { tone: 'warn', text: 'Offline — showing stored data', action: null };
    case 'refused':
      return { tone: 'error', text: 'Provider refused the account', action: null };
    case 'missing-secret':
      return { tone: 'error', text: 'Secret missing from the keychain', action: { kind: 'edit-account', label: 'Re-enter secret' } };
    case 'keychain-unavailable':
      // Nothing to re-enter: the keychain itself cannot be reached (the Accounts section says why).
      return { tone: 'warn', text: 'Keychain unavailable', action: null };
    case 'incomplete':
      return { tone: 'error', text: 'Account incomplete', action: { kind: 'edit-account', label: 'Complete account' } };
    case 'failed':
      return { tone: 'error', text: 'Provider check failed', action: null };
  }
}
