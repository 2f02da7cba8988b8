import { z } from 'zod';
import { WorkspaceNameSchema, WorkspaceSchema, WorkspaceStateSchema, WorkspaceSummarySchema } from '../../domain/workspace';
import { ById, channelsOf, Empty, Id } from './define';

export const workspaceContract = channelsOf('workspace')({
  /** The current workspace (made on first call): what the app restores at start. */
  'workspace.current': { request: Empty, response: WorkspaceSchema },
  /** Writes the current workspace's state (the renderer debounces; each call replaces the state). */
  'workspace.save': { request: z.object({ state: WorkspaceStateSchema }).strict(), response: z.object({ updatedAt: z.string() }) },
  'workspace.list': { request: Empty, response: z.array(WorkspaceSummarySchema) },
  /** Saves the current state under a new name; the new workspace becomes the current one. */
  'workspace.saveAs': { request: z.object({ name: WorkspaceNameSchema }).strict(), response: WorkspaceSchema },
  /** Makes a saved workspace the current one and answers its state to restore. */
  'workspace.open': { request: ById, response: WorkspaceSchema },
  'workspace.rename': { request: z.object({ id: Id, name: WorkspaceNameSchema }).strict(), response: WorkspaceSummarySchema },
  /** Deletes a workspace (not the current one); the answer is what `workspace.restore` needs to undo it. */
  'workspace.remove': { request: ById, response: WorkspaceSchema },
  'workspace.restore': { request: z.object({ workspace: WorkspaceSchema }).strict(), response: WorkspaceSummarySchema },
  /** The workspace as a file (JSON text) with its AOIs inside as GeoJSON. */
  'workspace.export': { request: ById, response: z.object({ fileName: z.string(), text: z.string() }) },
  /** Reads a workspace file: its AOIs are added (new ids) and it is saved under its name, not opened. */
  'workspace.import': {
    request: z.object({ text: z.string().max(64 * 1024 * 1024) }).strict(),
    response: z.object({ workspace: WorkspaceSummarySchema, aoisAdded: z.number().int() }),
  },
});
