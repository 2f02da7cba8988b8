import './workspace.css';
import { useCallback, useEffect, useState } from 'react';
import type { Workspace, WorkspaceSummary } from '../../../shared/domain/workspace';
import { call } from '../../api/client';
import { errorOf, fieldErrorFor } from '../../api/errors';
import { useWorkspace } from '../../api/workspaceStore';
import { ErrorNote } from '../../ui/ErrorNote';
import { Modal } from '../../ui/Modal';
import { saveFile } from '../../ui/saveFile';
import { useAction } from '../../api/useAction';
import { WorkspaceRow } from './WorkspaceRow';

/**
 * Named workspaces: save the current one under a name, open another, rename, export or import a file,
 * delete with undo. Opening (or importing then opening) puts every section and the map back as saved.
 */
export function WorkspacesDialog(props: { onClose(): void; notify(text: string): void }) {
  const workspace = useWorkspace();
  const { adopt, flush } = workspace;
  const [list, setList] = useState<WorkspaceSummary[]>([]);
  const [name, setName] = useState('');
  const [removed, setRemoved] = useState<Workspace | null>(null);
  const { busy, error, setError, run } = useAction();

  const refresh = useCallback(() => call('workspace.list', {}).then(setList, (err: unknown) => setError(errorOf(err))), [setError]);
  useEffect(() => void refresh(), [refresh]);

  const saveAs = () =>
    run(async () => {
      await flush();
      const made = await call('workspace.saveAs', { name });
      adopt(made);
      setName('');
      props.notify(`Saved as “${made.name}”; your work now goes on in it.`);
      await refresh();
    });

  const open = (id: string) =>
    run(async () => {
      // What is pending belongs to the workspace being left: write it before main switches.
      await flush();
      const opened = await call('workspace.open', { id });
      props.onClose();
      adopt(opened, { remount: true });
    });

  const rename = (id: string, next: string) =>
    run(async () => {
      const renamed = await call('workspace.rename', { id, name: next });
      if (renamed.current) adopt({ ...renamed, state: workspace.state });
      await refresh();
    });

  const remove = (id: string) =>
    run(async () => {
      setRemoved(await call('workspace.remove', { id }));
      await refresh();
    });

  const undo = () =>
    run(async () => {
      if (!removed) return;
      await call('workspace.restore', { workspace: removed });
      setRemoved(null);
      await refresh();
    });

  const exportFile = (id: string) =>
    run(async () => {
      if (id === workspace.id) await flush();
      const file = await call('workspace.export', { id });
      saveFile(file.text, file.fileName, 'application/json');
    });

  const importFile = (file: File) =>
    run(async () => {
      const text = await file.text();
      const { workspace: added, aoisAdded } = await call('workspace.import', { text });
      props.notify(`Imported “${added.name}” with ${aoisAdded} AOI${aoisAdded === 1 ? '' : 's'}. Open it to switch to it.`);
      await refresh();
    });

  const nameError = fieldErrorFor(error, 'name');
  return (
    <Modal title="Workspaces" onClose={props.onClose} wide actions={<button className="button" onClick={props.onClose}>Close</button>}>
      <p className="muted">
        You are in <strong>{workspace.name}</strong>. It is saved as you work and reopened at the next start.
      </p>
      <form
        className="workspace-save-as"
        aria-label="Save the current workspace as"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) void saveAs();
        }}
      >
        <label className="field">
          <span>New workspace name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={120} aria-invalid={!!nameError} aria-describedby={nameError ? 'workspace-name-error' : undefined} />
        </label>
        <button className="button primary" type="submit" disabled={busy || !name.trim()}>
          Save as
        </button>
        <label className="button workspace-import">
          Import…
          <input
            type="file"
            accept=".json,application/json"
            aria-label="Import a workspace file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void importFile(file);
            }}
          />
        </label>
      </form>
      {nameError && (
        <p id="workspace-name-error" className="field-error" role="alert">
          {nameError}
        </p>
      )}
      {!nameError && <ErrorNote error={error} label="Workspace action failed" />}
      {removed && (
        <p className="banner banner-warn" role="status">
          Deleted “{removed.name}”.{' '}
          <button className="button" onClick={() => void undo()} disabled={busy}>
            Undo
          </button>
        </p>
      )}
      <ul className="workspace-list" aria-label="Saved workspaces">
        {list.map((w) => (
          <WorkspaceRow key={w.id} workspace={w} busy={busy} onOpen={open} onRename={rename} onExport={exportFile} onRemove={remove} />
        ))}
      </ul>
    </Modal>
  );
}
