import { useState } from 'react';
import type { Account } from '../../../shared/domain/account';
import { PROVIDERS } from '../../../shared/domain/providers';
import { SANDBOX_CREDENTIALS } from '../../../shared/domain/sandbox';
import type { AccountsState } from '../../api/accountsState';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { AccountForm } from './AccountForm';

type Mode = { kind: 'list' } | { kind: 'add' } | { kind: 'edit'; account: Account };

interface Props {
  accounts: AccountsState;
  keychain?: { available: boolean; message: string };
  sandboxOrigin: string | null;
  /**
   * Opens this account's edit form at mount: the top bar's "Re-enter secret" lands on it (App remounts
   * the panel per request, so asking twice opens it twice).
   */
  editAccountId?: string | null;
}

export function AccountsPanel({ accounts, keychain, sandboxOrigin, editAccountId }: Props) {
  const [mode, setMode] = useState<Mode>(() => {
    const account = editAccountId ? accounts.list.find((a) => a.id === editAccountId) : undefined;
    return account ? { kind: 'edit', account } : { kind: 'list' };
  });
  const [removing, setRemoving] = useState<Account>();
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string }>();

  const done = async (text: string) => {
    await accounts.refresh();
    setMode({ kind: 'list' });
    setNotice({ tone: 'ok', text });
  };

  const remove = async (account: Account) => {
    try {
      await call('accounts.remove', { id: account.id });
      await done(`Removed “${account.label}” and its secrets.`);
    } catch (err) {
      setNotice({ tone: 'error', text: messageOf(err) });
    } finally {
      setRemoving(undefined);
    }
  };

  return (
    <section className="panel" aria-labelledby="accounts-title">
      <header className="panel-header">
        <h2 id="accounts-title">{mode.kind === 'add' ? 'Add account' : mode.kind === 'edit' ? 'Edit account' : 'Accounts'}</h2>
        {mode.kind === 'list' && (
          <button className="button primary" onClick={() => { setNotice(undefined); setMode({ kind: 'add' }); }}>
            Add account
          </button>
        )}
      </header>
      <div className="panel-body">
        {keychain && !keychain.available && (
          <p className="banner banner-warn" role="alert">{keychain.message}</p>
        )}
        {notice && mode.kind === 'list' && (
          <p className={`banner banner-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>{notice.text}</p>
        )}
        {mode.kind === 'list' ? (
          <AccountList accounts={accounts} onEdit={(a) => setMode({ kind: 'edit', account: a })} onRemove={setRemoving} />
        ) : (
          <AccountForm
            existing={mode.kind === 'edit' ? mode.account : undefined}
            onCancel={() => setMode({ kind: 'list' })}
            onSaved={(a) => done(mode.kind === 'add' ? `Added “${a.label}”.` : `Saved “${a.label}”.`)}
          />
        )}
      </div>
      {mode.kind === 'list' && sandboxOrigin && (
        <footer className="panel-footer">
          <span className="muted">
            Provider sandbox at <span className="mono">{sandboxOrigin.replace(/^https?:\/\//, '')}</span>
          </span>
          {accounts.list.filter((a) => a.sandbox).length < 3 && (
            <button
              className="button"
              onClick={async () => {
                try {
                  await call('accounts.restoreSandbox', {});
                  await done('Sandbox accounts restored.');
                } catch (err) {
                  setNotice({ tone: 'error', text: messageOf(err) });
                }
              }}
            >
              Restore sandbox accounts
            </button>
          )}
        </footer>
      )}
      {removing && (
        <ConfirmDialog
          title="Remove account?"
          confirmLabel="Remove account"
          onCancel={() => setRemoving(undefined)}
          onConfirm={() => remove(removing)}
        >
          <p>
            “{removing.label}” will be removed from Imagery Desk
            {removing.sandbox ? '' : ' and its secrets deleted from the system keychain'}. Orders already placed with the provider
            are not affected.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function AccountList({ accounts, onEdit, onRemove }: { accounts: AccountsState; onEdit: (a: Account) => void; onRemove: (a: Account) => void }) {
  if (accounts.loading) return <p className="muted">Loading accounts…</p>;
  if (accounts.error) return <p className="banner banner-error" role="alert">{accounts.error.message}</p>;
  if (accounts.list.length === 0) {
    return <p className="empty">No provider account yet. Add your OneAtlas, GeoAPI or Origen credentials to search and order imagery.</p>;
  }
  return (
    <ul className="card-list" aria-label="Provider accounts">
      {accounts.list.map((a) => (
        <li key={a.id} className="card" aria-label={a.label}>
          <div className="card-title">
            <span className={`provider-badge provider-${a.provider}`}>{PROVIDERS[a.provider].label}</span>
            <strong>{a.label}</strong>
            {a.id === accounts.activeId && <span className="tag">Active</span>}
          </div>
          {a.sandbox && <p className="sandbox-note">Sandbox — simulated, no real orders</p>}
          <dl className="facts">
            {PROVIDERS[a.provider].identity.map((f) => (
              <div key={f.key}>
                <dt>{f.label}</dt>
                <dd>{a.identity[f.key] || '—'}</dd>
              </div>
            ))}
            {PROVIDERS[a.provider].secrets.map((s) => (
              <div key={s.key}>
                <dt>{s.label}</dt>
                {a.sandbox ? (
                  // Never in the keychain: main reads the simulator's public constants, so say that.
                  <dd className="secret-set">
                    Public sandbox credential
                    <span className="mono sandbox-credential">{sandboxCredential(a.provider, s.key)}</span>
                  </dd>
                ) : (
                  <dd className={a.secretsSet[s.key] ? 'secret-set' : 'secret-missing'}>{a.secretsSet[s.key] ? 'Set (in keychain)' : 'Not set'}</dd>
                )}
              </div>
            ))}
            <div>
              <dt>Endpoint</dt>
              <dd className="mono" title={Object.values(a.endpoints).join('\n')}>{hostOf(Object.values(a.endpoints)[0])}</dd>
            </div>
          </dl>
          <div className="card-actions">
            <button className="button" aria-label={`Edit ${a.label}`} onClick={() => onEdit(a)}>Edit</button>
            <button className="button danger" aria-label={`Remove ${a.label}`} onClick={() => onRemove(a)}>Remove</button>
          </div>
        </li>
      ))}
    </ul>
  );
}

const hostOf = (url?: string) => {
  try {
    return url ? new URL(url).host : '—';
  } catch {
    return url ?? '—';
  }
};

/** Sandbox credentials are public constants, so their accounts may show them as a reminder. */
const sandboxCredential = (provider: Account['provider'], key: string): string =>
  (SANDBOX_CREDENTIALS[provider] as Record<string, string>)[key] ?? '';
