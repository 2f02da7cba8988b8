import { useState } from 'react';
import { errorOf, type ShownError } from '../../api/errors';
import { Modal } from '../../ui/Modal';
import type { ImportProgress } from './importFile';
import { DETAILED, type ImportReport } from './importReport';

export type ImportStage =
  | { kind: 'running'; fileName: string; progress: ImportProgress; cancel(): void }
  | { kind: 'report'; fileName: string; result: ImportReport }
  | { kind: 'failed'; fileName: string; message: string };

const fmtPct = (n: number) => `${n >= 0 ? '+' : ''}${n.toFixed(2)} %`;

/**
 * Shows a running import (progress, cancel), then what the file holds: the AOIs with the repairs made,
 * what was skipped, or why nothing can be imported. Nothing is stored until the user confirms.
 */
export function ImportDialog(props: {
  stage: ImportStage;
  onClose: () => void;
  /** Stores the AOIs; `simplify` holds the user's choice for each detailed AOI offered simplification. */
  onConfirm: (simplify: Record<number, boolean>) => Promise<void>;
}) {
  const { stage } = props;
  const [simplify, setSimplify] = useState<Record<number, boolean>>({});
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ShownError>();

  if (stage.kind === 'running') {
    const pct = Math.round(stage.progress.fraction * 100);
    return (
      <Modal title={`Importing ${stage.fileName}`} onClose={stage.cancel} actions={<button className="button" onClick={stage.cancel}>Cancel import</button>}>
        <p>{stage.progress.phase === 'reading' ? `Reading… ${pct} %` : 'Checking geometries…'}</p>
        <progress aria-label="Import progress" max={100} value={stage.progress.phase === 'reading' ? pct : undefined} />
      </Modal>
    );
  }

  if (stage.kind === 'failed' || !stage.result.ok) {
    const problems = stage.kind === 'report' && !stage.result.ok ? stage.result.problems : [];
    return (
      <Modal title="Nothing was imported" onClose={props.onClose} actions={<button className="button primary" autoFocus onClick={props.onClose}>Close</button>}>
        <p role="alert">{stage.kind === 'failed' ? stage.message : `${stage.fileName} cannot be imported; your AOIs are unchanged.`}</p>
        {problems.length > 0 && (
          <ul className="issue-list" aria-label="Problems">
            {problems.map((p, i) => (
              <li key={i}>
                <span className="mono issue-path">{p.path || '(file)'}</span> {p.message}
              </li>
            ))}
          </ul>
        )}
      </Modal>
    );
  }

  const { detailed, count, rest, skipped } = stage.result;
  const tooMany = rest.unsimplifiable > 0 || detailed.some((a, i) => a.simplification && !(a.simplification.ok && (simplify[i] ?? true)));

  return (
    <Modal
      wide
      title={`Import ${count} AOI${count === 1 ? '' : 's'} from ${stage.fileName}`}
      onClose={props.onClose}
      actions={
        <>
          <button className="button" onClick={props.onClose} disabled={saving}>Cancel</button>
          <button
            className="button primary"
            disabled={saving || count === 0}
            onClick={async () => {
              setSaving(true);
              try {
                await props.onConfirm(simplify);
              } catch (err) {
                setError(errorOf(err));
                setSaving(false);
              }
            }}
          >
            {saving ? 'Importing…' : `Import ${count}`}
          </button>
        </>
      }
    >
      <ul className="import-list" aria-label="AOIs in the file">
        {detailed.map((a, i) => (
          <li key={i}>
            <strong>{a.name}</strong> <span className="muted">· {a.vertexCount} vertices</span>
            {a.repairs.length === 0 ? <div className="muted">No repair needed.</div> : (
              <ul className="repair-list" aria-label={`Repairs for ${a.name}`}>
                {a.repairs.map((r, j) => <li key={j}>Repaired: {r.message}</li>)}
              </ul>
            )}
            {a.simplification && (a.simplification.ok ? (
              <label className="checkbox">
                <input type="checkbox" checked={simplify[i] ?? true} onChange={(e) => setSimplify({ ...simplify, [i]: e.target.checked })} />
                Simplify to {a.simplification.verticesAfter} vertices (providers accept at most 999; area change {fmtPct(a.simplification.areaChangePercent)})
              </label>
            ) : <div className="banner banner-warn">More than 999 vertices and it cannot be simplified safely: {a.simplification.reason}</div>)}
          </li>
        ))}
      </ul>
      {count > DETAILED && (
        <p className="muted">
          …and {(count - DETAILED).toLocaleString('en')} more, with {rest.repairs.toLocaleString('en')} repairs
          {rest.simplifiable > 0 ? ` (${rest.simplifiable.toLocaleString('en')} above 999 vertices are simplified)` : ''}.
        </p>
      )}
      {skipped.length > 0 && (
        <p className="muted">Skipped {skipped.length} non-polygon member{skipped.length === 1 ? '' : 's'}: {skipped.slice(0, 5).map((s) => `${s.type} at ${s.path}`).join(', ')}{skipped.length > 5 ? '…' : ''}</p>
      )}
      {tooMany && <p className="banner banner-warn">AOIs above 999 vertices can be stored but providers will refuse them.</p>}
      {error && <p className="banner banner-error" role="alert">{error.message}</p>}
    </Modal>
  );
}
