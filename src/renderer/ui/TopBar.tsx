import { PROVIDERS } from '../../shared/domain/providers';
import type { AppInfo } from '../../shared/ipc/contract';
import type { AccountsState } from '../api/accountsState';
import type { Loadable } from './useAppInfo';
import { useProviderReach, type Reach } from './useProviderReach';

export function TopBar({ info, accounts }: { info: Loadable<AppInfo>; accounts: AccountsState }) {
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

function providerState(reach: Reach): { tone: 'ok' | 'warn' | 'error' | 'idle'; text: string; detail: string } | null {
  switch (reach.state) {
    case 'none':
      return null;
    case 'checking':
      return { tone: 'idle', text: 'Checking provider…', detail: `Reaching ${reach.label}` };
    case 'online':
      return { tone: 'ok', text: 'Provider online', detail: `${reach.label}: ${reach.message}` };
    case 'offline':
      return { tone: 'warn', text: 'Offline — showing stored data', detail: `${reach.label}: ${reach.message}` };
    case 'refused':
      return { tone: 'error', text: 'Provider refused the account', detail: `${reach.label}: ${reach.message}` };
  }
}
