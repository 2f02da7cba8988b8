import type { ReactNode } from 'react';
import { PROVIDERS } from '../../shared/domain/providers';
import type { AppInfo } from '../../shared/ipc/contract';
import type { AccountsState } from '../api/accountsState';
import { providerStatusOf, type ProviderStatus } from './providerStatus';
import type { Loadable } from './useAppInfo';
import { useProviderReach, type Reach } from './useProviderReach';

interface Props {
  info: Loadable<AppInfo>;
  accounts: AccountsState;
  /** Opens the account's edit form (App routes it to the Accounts section: ui/ cannot import features). */
  onEditAccount(accountId: string): void;
  /** The workspace switcher (a feature's control, handed in by App). */
  workspaceControl?: ReactNode;
}

export function TopBar({ info, accounts, onEditAccount, workspaceControl }: Props) {
  const state = connectionState(info);
  const { reach, recheck } = useProviderReach(accounts);
  const provider = providerState(reach);
  return (
    <header className="top-bar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">Imagery Desk</span>
      </div>
      <div className="top-bar-controls">
        {workspaceControl}
        <label className="inline-field">
          <span>Active account</span>
          <select
            value={accounts.activeId}
            disabled={accounts.list.length === 0}
            onChange={(e) => void accounts.setActive(e.target.value)}
          >
            {accounts.list.length === 0 && <option value="">No account yet</option>}
            {accounts.list.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label} · {PROVIDERS[a.provider].label}
              </option>
            ))}
          </select>
        </label>
        {provider && (
          <button
            type="button"
            className={`status-chip status-${provider.tone}`}
            aria-label={`Provider: ${provider.text}. Check again`}
            title={`${provider.detail} — click to check again`}
            onClick={recheck}
          >
            <span className="status-dot" aria-hidden="true" />
            {provider.text}
          </button>
        )}
        {provider?.action && reach.state !== 'none' && (
          <button type="button" className="button" onClick={() => onEditAccount(reach.accountId)}>
            {provider.action.label}
          </button>
        )}
        <div className={`status-chip status-${state.tone}`} role="status" aria-label="Connection state" title={state.detail}>
          <span className="status-dot" aria-hidden="true" />
          {state.text}
        </div>
      </div>
    </header>
  );
}

function connectionState(info: Loadable<AppInfo>): { tone: 'ok' | 'warn' | 'error' | 'idle'; text: string; detail: string } {
  if (info.error) return { tone: 'error', text: 'Back end unreachable', detail: info.error };
  if (!info.value) return { tone: 'idle', text: 'Connecting…', detail: 'Waiting for the back end' };
  const where = info.value.host === 'web' ? 'Browser mode' : 'Desktop';
  if (!info.value.keychain.available) return { tone: 'warn', text: `${where} · keychain unavailable`, detail: info.value.keychain.message };
  return { tone: 'ok', text: `${where} · connected`, detail: `${info.value.name} ${info.value.version} — data in ${info.value.dataDir}` };
}

function providerState(reach: Reach): (ProviderStatus & { detail: string }) | null {
  if (reach.state === 'none') return null;
  if (reach.state === 'checking') return { tone: 'idle', text: 'Checking provider…', detail: `Reaching ${reach.label}`, action: null };
  return { ...providerStatusOf(reach.state), detail: `${reach.label}: ${reach.message}` };
}
