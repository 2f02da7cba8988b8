import { isEmail } from '../../../shared/domain/notification-emails';
import { randomUUID } from 'node:crypto';
import type { Account, AccountInput, SecretPatch } from '../../../shared/domain/account';
import { PROVIDERS, type FieldSpec, type ProviderKind } from '../../../shared/domain/providers';
import { SANDBOX_SECRETS } from '../../../shared/domain/sandbox';
import { DeskFailure } from '../../errors';
import type { AccountRecord, AccountsRepo } from '../../store/accounts-repo';
import { VaultUnavailableError, type Vault } from '../../vault/vault';

export interface AccountsService {
  list(): Account[];
  create(input: AccountInput, secrets: SecretPatch, opts?: { sandbox?: boolean }): Promise<Account>;
  update(id: string, input: Omit<AccountInput, 'provider'>, secrets: SecretPatch): Promise<Account>;
  remove(id: string): Promise<{ id: string }>;
  /** For provider clients in main only; never exposed over IPC. */
  secret(id: string, key: string): Promise<string | null>;
  /** Removes the keychain entries of an account that needs none (sandbox accounts of older versions). */
  forgetStoredSecrets(id: string): Promise<void>;
}

export function createAccountsService(deps: { repo: AccountsRepo; vault: Vault; now?: () => Date }): AccountsService {
  const { repo, vault } = deps;
  const now = () => (deps.now ?? (() => new Date()))().toISOString();

  const toAccount = (r: AccountRecord): Account => ({
    id: r.id,
    provider: r.provider,
    label: r.label,
    endpoints: r.endpoints,
    identity: r.identity,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    sandbox: r.sandbox,
    // A sandbox account's credentials are the simulator's public constants: always there, never stored.
    secretsSet: Object.fromEntries(PROVIDERS[r.provider].secrets.map((s) => [s.key, r.sandbox || r.secretKeys.includes(s.key)])),
  });

  const mustExist = (id: string): AccountRecord => {
    const found = repo.get(id);
    if (!found) throw new DeskFailure('NOT_FOUND', 'That account no longer exists.');
    return found;
  };

  /** Applies set/clear patches to the keychain and returns the resulting set of secret names. */
  const applySecrets = async (id: string, current: string[], patch: SecretPatch): Promise<string[]> => {
    const present = new Set(current);
    try {
      for (const [key, value] of Object.entries(patch)) {
        if (value === null) {
          await vault.delete(id, key);
          present.delete(key);
        } else {
          await vault.set(id, key, value);
          present.add(key);
        }
      }
    } catch (err) {
      if (err instanceof VaultUnavailableError) throw new DeskFailure('KEYCHAIN_UNAVAILABLE', err.message);
      throw err;
    }
    return [...present].sort();
  };

  return {
    list: () => repo.list().map(toAccount),

    async create(input, secrets, opts) {
      const clean = normalise(input.provider, input, secrets);
      const id = randomUUID();
      const secretKeys = await applySecrets(id, [], secrets);
      const stamp = now();
      const record: AccountRecord = {
        id,
        provider: input.provider,
        ...clean,
        secretKeys,
        sandbox: opts?.sandbox ?? false,
        createdAt: stamp,
        updatedAt: stamp,
      };
      try {
        repo.insert(record);
      } catch (err) {
        // The row is what makes the secrets reachable: without it they must not linger in the keychain.
        await Promise.allSettled(secretKeys.map((k) => vault.delete(id, k)));
        throw err;
      }
      return toAccount(record);
    },

    async update(id, input, secrets) {
      const existing = mustExist(id);
      if (existing.sandbox && Object.keys(secrets).length > 0) {
        throw new DeskFailure('INVALID_ACCOUNT', 'Sandbox accounts use the simulator’s public credentials, which cannot be changed. Add an account of your own for real credentials.');
      }
      const clean = normalise(existing.provider, input, secrets);
      const secretKeys = await applySecrets(id, existing.secretKeys, secrets);
      const record: AccountRecord = { ...existing, ...clean, secretKeys, updatedAt: now() };
      repo.update(record);
      return toAccount(record);
    },

    async remove(id) {
      const existing = mustExist(id);
      if (existing.sandbox) {
        // Nothing of a sandbox account needs the keychain; an old copy there is cleaned up if possible.
        await Promise.allSettled(existing.secretKeys.map((k) => vault.delete(id, k)));
        repo.remove(id);
        return { id };
      }
      // Secrets go first: if the keychain refuses, the account stays so nothing is orphaned unseen.
      await applySecrets(id, existing.secretKeys, Object.fromEntries(existing.secretKeys.map((k) => [k, null])));
      repo.remove(id);
      return { id };
    },

    async secret(id, key) {
      const record = mustExist(id);
      if (record.sandbox) return SANDBOX_SECRETS[record.provider][key] ?? null;
      return vault.get(id, key);
    },

    async forgetStoredSecrets(id) {
      const record = mustExist(id);
      const remaining = await applySecrets(id, record.secretKeys, Object.fromEntries(record.secretKeys.map((k) => [k, null])));
      repo.update({ ...record, secretKeys: remaining });
    },
  };
}

/** Checks an input against its provider's field table; unknown keys are refused, not silently stored. */
function normalise(kind: ProviderKind, input: Omit<AccountInput, 'provider'>, secrets: SecretPatch) {
  const spec = PROVIDERS[kind];
  const problems: string[] = [];
  const known = (list: readonly { key: string }[]) => new Set(list.map((f) => f.key));
  const endpointKeys = known(spec.endpoints);
  for (const key of Object.keys(input.endpoints)) if (!endpointKeys.has(key)) problems.push(`unknown endpoint "${key}"`);
  for (const e of spec.endpoints) if (!input.endpoints[e.key]) problems.push(`${e.label} is required`);
  const identityKeys = known(spec.identity);
  for (const key of Object.keys(input.identity)) if (!identityKeys.has(key)) problems.push(`unknown identity field "${key}"`);
  // A closed choice takes one of its values (empty = its first, the default).
  for (const f of spec.identity as readonly FieldSpec[]) {
    const v = input.identity[f.key] ?? '';
    if (f.choices && v !== '' && !f.choices.some((c) => c.value === v)) problems.push(`${f.label} must be one of ${f.choices.map((c) => c.value).join(', ')}`);
    if (f.kind === 'email' && v.trim() !== '' && !isEmail(v.trim())) problems.push(`${f.label} “${v}” is not an e-mail address`);
  }
  const secretKeys = known(spec.secrets);
  for (const key of Object.keys(secrets)) if (!secretKeys.has(key)) problems.push(`unknown secret "${key}"`);
  if (problems.length) throw new DeskFailure('INVALID_ACCOUNT', `${spec.label}: ${problems.join('; ')}.`);
  const endpoints = Object.fromEntries(
    spec.endpoints.map((e) => [e.key, (input.endpoints[e.key] ?? '').replace(/\/+$/, '')]),
  );
  return { label: input.label, endpoints, identity: { ...input.identity } };
}
