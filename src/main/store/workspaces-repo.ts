import type { Database } from 'better-sqlite3';
import { WorkspaceStateSchema, type Workspace, type WorkspaceState, type WorkspaceSummary } from '../../shared/domain/workspace';

interface Row {
  id: string;
  name: string;
  state: string;
  is_current: number;
  created_at: string;
  updated_at: string;
}

/** A stored state that no longer parses (hand-edited, or from a future version) restores as defaults. */
function parseState(text: string): WorkspaceState {
  try {
    const parsed = WorkspaceStateSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through
  }
  return WorkspaceStateSchema.parse({});
}

const toSummary = (r: Omit<Row, 'state'>): WorkspaceSummary => ({
  id: r.id,
  name: r.name,
  current: r.is_current === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toWorkspace = (r: Row): Workspace => ({ ...toSummary(r), state: parseState(r.state) });

export class WorkspaceNameTakenError extends Error {}

export function createWorkspacesRepo(db: Database) {
  const list = db.prepare<[], Omit<Row, 'state'>>(
    'SELECT id, name, is_current, created_at, updated_at FROM workspaces ORDER BY is_current DESC, name COLLATE NOCASE',
  );
  const one = db.prepare<[string], Row>('SELECT * FROM workspaces WHERE id = ?');
  const current = db.prepare<[], Row>('SELECT * FROM workspaces WHERE is_current = 1');
  const insert = db.prepare(
    `INSERT INTO workspaces (id, name, state, is_current, created_at, updated_at)
     VALUES (@id, @name, @state, @is_current, @created_at, @updated_at)`,
  );
  const saveState = db.prepare<[string, string, string]>('UPDATE workspaces SET state = ?, updated_at = ? WHERE id = ?');
  const rename = db.prepare<[string, string, string]>('UPDATE workspaces SET name = ?, updated_at = ? WHERE id = ?');
  const clearCurrent = db.prepare('UPDATE workspaces SET is_current = 0 WHERE is_current = 1');
  const setCurrent = db.prepare<[string]>('UPDATE workspaces SET is_current = 1 WHERE id = ?');
  const remove = db.prepare<[string]>('DELETE FROM workspaces WHERE id = ?');

  const insertTx = db.transaction((w: Workspace): void => {
    if (w.current) clearCurrent.run();
    insertChecked(w);
  });
  const makeCurrentTx = db.transaction((id: string): void => {
    clearCurrent.run();
    setCurrent.run(id);
  });

  const toRow = (w: Workspace): Row => ({
    id: w.id,
    name: w.name,
    state: JSON.stringify(w.state),
    is_current: w.current ? 1 : 0,
    created_at: w.createdAt,
    updated_at: w.updatedAt,
  });

  const insertChecked = (w: Workspace) => {
    try {
      insert.run(toRow(w));
    } catch (err) {
      if (err instanceof Error && /UNIQUE constraint failed: workspaces\.name/.test(err.message)) throw new WorkspaceNameTakenError(w.name);
      throw err;
    }
  };

  return {
    list: (): WorkspaceSummary[] => list.all().map(toSummary),
    get: (id: string): Workspace | undefined => {
      const row = one.get(id);
      return row ? toWorkspace(row) : undefined;
    },
    current: (): Workspace | undefined => {
      const row = current.get();
      return row ? toWorkspace(row) : undefined;
    },
    /** Inserts; a current workspace takes the place of the previous current one, in one transaction. */
    insert: (w: Workspace): void => insertTx(w),
    saveState: (id: string, state: WorkspaceState, at: string): void => void saveState.run(JSON.stringify(state), at, id),
    rename: (id: string, name: string, at: string): void => {
      try {
        rename.run(name, at, id);
      } catch (err) {
        if (err instanceof Error && /UNIQUE constraint failed: workspaces\.name/.test(err.message)) throw new WorkspaceNameTakenError(name);
        throw err;
      }
    },
    makeCurrent: (id: string): void => makeCurrentTx(id),
    remove: (id: string): boolean => remove.run(id).changes > 0,
  };
}
export type WorkspacesRepo = ReturnType<typeof createWorkspacesRepo>;
