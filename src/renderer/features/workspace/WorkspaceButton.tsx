import { useState } from 'react';
import { useWorkspace } from '../../api/workspaceStore';
import { WorkspacesDialog } from './WorkspacesDialog';

/** The top bar's workspace control: the current workspace's name, opening the Workspaces dialog. */
export function WorkspaceButton(props: { notify(text: string): void }) {
  const { name, saveError } = useWorkspace();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button workspace-button"
        aria-label={`Workspace: ${name}. Manage workspaces`}
        title={saveError ? `Not saved: ${saveError}` : 'Saved as you work. Save as, open, rename, export or import workspaces.'}
        onClick={() => setOpen(true)}
      >
        Workspace: {name}
        {saveError ? ' (not saved)' : ''}
      </button>
      {open && <WorkspacesDialog onClose={() => setOpen(false)} notify={props.notify} />}
    </>
  );
}
