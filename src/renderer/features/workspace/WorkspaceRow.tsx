import { useState } from 'react';
import type { WorkspaceSummary } from '../../../shared/domain/workspace';
import { formatUtc } from '../../ui/format';

/** One saved workspace: open, rename in place, export, delete (the current one cannot be deleted). */
export function WorkspaceRow(props: {
  workspace: WorkspaceSummary;
  busy: boolean;
  onOpen(id: string): void;
  onRename(id: string, name: string): void;
  onExport(id: string): void;
  onRemove(id: string): void;
}) {
  const w = props.workspace;
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(w.name);
  return (
    <li className="workspace-row" aria-label={w.name} aria-current={w.current ? 'true' : undefined}>
      {editing ? (
        <form
          className="workspace-rename"
          onSubmit={(e) => {
            e.preventDefault();
            setEditing(false);
            if (name.trim() && name.trim() !== w.name) props.onRename(w.id, name.trim());
          }}
        >
          <input aria-label={`New name for ${w.name}`} value={name} onChange={(e) => setName(e.target.value)} maxLength={120} autoFocus />
          <button className="button" type="submit">
            Rename
          </button>
          <button className="button" type="button" onClick={() => (setEditing(false), setName(w.name))}>
            Cancel
          </button>
        </form>
      ) : (
        <div className="workspace-row__title">
          <strong>{w.name}</strong>
          {w.current && <span className="tag">current</span>}
          <span className="muted">saved {formatUtc(w.updatedAt)}</span>
        </div>
      )}
      <div className="button-row">
        <button className="button" disabled={props.busy || w.current} onClick={() => props.onOpen(w.id)} aria-label={`Open ${w.name}`}>
          Open
        </button>
        <button className="button" disabled={props.busy} onClick={() => setEditing(true)} aria-label={`Rename ${w.name}`}>
          Rename
        </button>
        <button className="button" disabled={props.busy} onClick={() => props.onExport(w.id)} aria-label={`Export ${w.name}`}>
          Export
        </button>
        <button className="button danger" disabled={props.busy || w.current} onClick={() => props.onRemove(w.id)} aria-label={`Delete ${w.name}`} title={w.current ? 'Open another workspace before deleting this one' : undefined}>
          Delete
        </button>
      </div>
    </li>
  );
}
