import type { AccountInput } from '../../../shared/domain/account';
import type { ProviderKind } from '../../../shared/domain/providers';
import { SANDBOX_IDENTITY } from '../../../shared/domain/sandbox';
import type { AccountsRepo } from '../../store/accounts-repo';
import type { SettingsRepo } from '../../store/settings-repo';
import type { AccountsService } from './service';

export type SandboxBaseUrls = Record<ProviderKind, Record<string, string>>;

const LABELS: Record<ProviderKind, string> = {
  oneatlas: 'Sandbox — OneAtlas',
  geoapi: 'Sandbox — GeoAPI',
  origen: 'Sandbox — Origen',
};

/**
 * First run: one account per provider pointing at the embedded sandbox (unless the setting is off).
 * Every run: the sandbox listens on a new port, so sandbox accounts' loopback URLs are moved to it.
 * Sandbox accounts keep no secret anywhere (the accounts service resolves the public constants); copies
 * that earlier versions put in the keychain are removed once a keychain is reachable.
 */
export async function syncSandboxAccounts(deps: {
  accounts: AccountsService;
  repo: AccountsRepo;
  settings: SettingsRepo;
  baseUrls: SandboxBaseUrls;
  keychainAvailable: boolean;
  /** Make the missing sandbox accounts now, whatever the first-run settings say (user asked). */
  restore?: boolean;
}): Promise<void> {
  const { accounts, repo, settings, baseUrls } = deps;
  const current = settings.get();
  if (deps.restore || (current.createSandboxAccounts && !current.sandboxAccountsCreated)) {
    const present = new Set(repo.list().filter((r) => r.sandbox).map((r) => r.provider));
    for (const provider of Object.keys(LABELS) as ProviderKind[]) {
      if (present.has(provider)) continue;
      const input: AccountInput = { provider, label: LABELS[provider], endpoints: baseUrls[provider], identity: SANDBOX_IDENTITY[provider] };
      await accounts.create(input, {}, { sandbox: true });
    }
    settings.set({ sandboxAccountsCreated: true });
  }
  for (const record of repo.list()) {
    if (!record.sandbox) continue;
    const wanted = baseUrls[record.provider];
    const endpoints = Object.fromEntries(
      Object.entries(record.endpoints).map(([key, url]) => [key, isLoopback(url) && wanted[key] ? wanted[key] : url]),
    );
    if (JSON.stringify(endpoints) !== JSON.stringify(record.endpoints)) repo.update({ ...record, endpoints, updatedAt: new Date().toISOString() });
    if (deps.keychainAvailable && record.secretKeys.length) await accounts.forgetStoredSecrets(record.id);
  }
}

function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  } catch {
    return false;
  }
}
