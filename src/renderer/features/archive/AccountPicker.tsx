import { useState } from 'react';
import { PROVIDERS } from '../../../shared/domain/providers';
import { call } from '../../api/client';
import { errorOf, type ShownError } from '../../api/errors';
import { ErrorNote } from '../../ui/ErrorNote';
import type { ArchiveSource } from './useArchiveSource';

/** The archive account and "Test connection", which answers success or the provider's own error. */
export function AccountPicker(props: { source: ArchiveSource; track: <T>(w: Promise<T>) => Promise<T>; onConnected(): void }) {
  const { source } = props;
  const [testing, setTesting] = useState(false);
  const [report, setReport] = useState<{ accountId: string; ok: boolean; text: string } | { accountId: string; error: ShownError }>();
  const shown = report && report.accountId === source.accountId ? report : undefined;

  const test = async () => {
    const accountId = source.accountId;
    setTesting(true);
    try {
      const r = await props.track(call('archive.connection', { accountId }));
      // The message already says what was found ("Connected: 3 contracts."): shown once, as it is.
      setReport({ accountId, ok: r.ok, text: r.message });
      if (r.ok) props.onConnected();
    } catch (err) {
      setReport({ accountId, error: errorOf(err) });
    } finally {
      setTesting(false);
    }
  };

  if (source.eligible.length === 0) {
    return <p className="empty">No OneAtlas or GeoAPI account. Add one in the Accounts section to search the archive.</p>;
  }
  return (
    <div className="field">
      <label htmlFor="archive-account">Account</label>
      <div className="inline-row">
        <select id="archive-account" value={source.accountId} onChange={(e) => source.setAccountId(e.target.value)}>
          {source.eligible.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label} — {PROVIDERS[a.provider].label}
            </option>
          ))}
        </select>
        <button className="button" onClick={test} disabled={testing || !source.accountId} aria-busy={testing}>
          {testing ? 'Testing…' : 'Test connection'}
        </button>
      </div>
      {source.account?.sandbox && <p className="sandbox-note">Sandbox — simulated, no real orders</p>}
      {shown && 'error' in shown ? (
        <ErrorNote error={shown.error} label="Connection test failed" />
      ) : shown ? (
        <p className={`banner ${shown.ok ? 'banner-ok' : 'banner-error'}`} role={shown.ok ? 'status' : 'alert'}>
          {shown.ok ? shown.text : `Connection failed: ${shown.text}`}
        </p>
      ) : null}
    </div>
  );
}
