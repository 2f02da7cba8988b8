import type { AppInfo } from '../../shared/ipc/contract';
import { PROVIDERS } from '../../shared/domain/providers';
import type { AccountsState } from '../features/accounts/useAccounts';
import type { Loadable } from './useAppInfo';

export function TopBar({ info, accounts }: { info: Loadable<AppInfo>; accounts: AccountsState }) {
  const state = connectionState(info);
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
