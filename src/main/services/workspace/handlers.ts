import type { FeatureHandlers } from '../../../shared/ipc/contract';
import type { WorkspaceService } from './service';

export function workspaceHandlers(workspace: WorkspaceService): FeatureHandlers<'workspace'> {
  return {
    'workspace.current': () => workspace.current(),
    'workspace.save': ({ state }) => workspace.save(state),
    'workspace.list': () => workspace.list(),
    'workspace.saveAs': ({ name }) => workspace.saveAs(name),
    'workspace.open': ({ id }) => workspace.open(id),
    'workspace.rename': ({ id, name }) => workspace.rename(id, name),
    'workspace.remove': ({ id }) => workspace.remove(id),
    'workspace.restore': ({ workspace: w }) => workspace.restore(w),
    'workspace.export': ({ id }) => workspace.export(id),
    'workspace.import': ({ text }) => workspace.import(text),
  };
}
