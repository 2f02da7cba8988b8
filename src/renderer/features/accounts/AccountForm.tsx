import { useId, useState, type FormEvent } from 'react';
import type { Account, SecretPatch } from '../../../shared/domain/account';
import { PROVIDER_KINDS, PROVIDERS, type ProviderKind } from '../../../shared/domain/providers';
import { call } from '../../api/client';
import { errorOf, type ShownError } from '../../api/errors';

interface Draft {
  provider: ProviderKind;
  label: string;
  endpoints: Record<string, string>;
  identity: Record<string, string>;
  secrets: Record<string, string>;
  clear: Record<string, boolean>;
}

const blankDraft = (provider: ProviderKind): Draft => ({
  provider,
  label: '',
  endpoints: Object.fromEntries(PROVIDERS[provider].endpoints.map((e) => [e.key, e.production])),
  identity: Object.fromEntries(PROVIDERS[provider].identity.map((f) => [f.key, ''])),
  secrets: {},
  clear: {},
});

const fromAccount = (a: Account): Draft => ({
  provider: a.provider,
  label: a.label,
  endpoints: { ...a.endpoints },
  identity: { ...a.identity },
  secrets: {},
  clear: {},
});

/** Add or edit an account. Secret inputs are write-only: the form is told only whether each is set. */
export function AccountForm(props: { existing?: Account; onCancel: () => void; onSaved: (a: Account) => void }) {
  const { existing } = props;
  const [draft, setDraft] = useState<Draft>(() => (existing ? fromAccount(existing) : blankDraft('oneatlas')));
  const [error, setError] = useState<ShownError>();
  const [saving, setSaving] = useState(false);
  const id = useId();
  const spec = PROVIDERS[draft.provider];

  const patch = (part: Partial<Draft>) => setDraft((d) => ({ ...d, ...part }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(undefined);
    const secrets: SecretPatch = {};
    for (const s of existing?.sandbox ? [] : spec.secrets) {
      if (draft.clear[s.key]) secrets[s.key] = null;
      else if (draft.secrets[s.key]) secrets[s.key] = draft.secrets[s.key] ?? null;
    }
    const account = { label: draft.label, endpoints: draft.endpoints, identity: draft.identity };
    try {
      const saved = existing
        ? await call('accounts.update', { id: existing.id, account, secrets })
        : await call('accounts.create', { account: { ...account, provider: draft.provider }, secrets });
      props.onSaved(saved);
    } catch (err) {
      setError(errorOf(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="form" onSubmit={submit} aria-label={existing ? 'Edit account' : 'Add account'}>
      <div className="field">
        <label htmlFor={`${id}-provider`}>Provider</label>
        <select
          id={`${id}-provider`}
          value={draft.provider}
          disabled={!!existing}
          onChange={(e) => setDraft({ ...blankDraft(e.target.value as ProviderKind), label: draft.label })}
        >
          {PROVIDER_KINDS.map((k) => (
            <option key={k} value={k}>
              {PROVIDERS[k].label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-label`}>Label</label>
        <input id={`${id}-label`} required value={draft.label} placeholder="e.g. Production — defence team" onChange={(e) => patch({ label: e.target.value })} />
      </div>

      {spec.identity.map((f) => (
        <div className="field" key={f.key}>
          <label htmlFor={`${id}-id-${f.key}`}>{f.label}</label>
          {'choices' in f && f.choices ? (
            <select
              id={`${id}-id-${f.key}`}
              value={draft.identity[f.key] || f.choices[0]?.value}
              onChange={(e) => patch({ identity: { ...draft.identity, [f.key]: e.target.value } })}
            >
              {f.choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
            </select>
          ) : (
            <input
              id={`${id}-id-${f.key}`}
              type={'kind' in f && f.kind === 'email' ? 'email' : 'text'}
              value={draft.identity[f.key] ?? ''}
              autoComplete="off"
              onChange={(e) => patch({ identity: { ...draft.identity, [f.key]: e.target.value } })}
            />
          )}
          {f.hint && <small className="hint">{f.hint}</small>}
        </div>
      ))}

      {existing?.sandbox ? (
        // Main refuses a secret patch on a sandbox account: its credentials are the simulator's public constants.
        <p className="hint">Sandbox account: it uses the simulator’s public credentials, which cannot be changed. Add an account of your own for real credentials.</p>
      ) : (
        <fieldset className="fieldset">
          <legend>Secrets — kept in the system keychain</legend>
          {spec.secrets.map((s) => {
            const isSet = existing?.secretsSet[s.key] ?? false;
            return (
              <div className="field" key={s.key}>
                <label htmlFor={`${id}-secret-${s.key}`}>{s.label}</label>
                <input
                  id={`${id}-secret-${s.key}`}
                  type="password"
                  autoComplete="off"
                  spellCheck={false}
                  disabled={draft.clear[s.key]}
                  placeholder={isSet ? 'Set — leave empty to keep' : 'Not set'}
                  value={draft.secrets[s.key] ?? ''}
                  onChange={(e) => patch({ secrets: { ...draft.secrets, [s.key]: e.target.value } })}
                />
                {isSet && (
                  <label className="checkbox">
                    <input type="checkbox" checked={!!draft.clear[s.key]} onChange={(e) => patch({ clear: { ...draft.clear, [s.key]: e.target.checked } })} />
                    Remove the stored {s.label.toLowerCase()}
                  </label>
                )}
              </div>
            );
          })}
        </fieldset>
      )}

      <details className="fieldset" open={!existing && draft.provider === 'origen'}>
        <summary>Service URLs</summary>
        {spec.endpoints.map((ep) => (
          <div className="field" key={ep.key}>
            <label htmlFor={`${id}-ep-${ep.key}`}>{ep.label}</label>
            <input
              id={`${id}-ep-${ep.key}`}
              type="url"
              required
              className="mono"
              value={draft.endpoints[ep.key] ?? ''}
              placeholder="https://…"
              onChange={(e) => patch({ endpoints: { ...draft.endpoints, [ep.key]: e.target.value } })}
            />
          </div>
        ))}
      </details>

      {error && (
        <p className="banner banner-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={props.onCancel} disabled={saving}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={saving}>
          {saving ? 'Saving…' : existing ? 'Save changes' : 'Add account'}
        </button>
      </div>
    </form>
  );
}
