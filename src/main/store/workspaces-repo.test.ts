import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_WORKSPACE, type Workspace } from '../../shared/domain/workspace';
import { tempDatabase } from './archive-test-fixtures';
import { createWorkspacesRepo, WorkspaceNameTakenError, type WorkspacesRepo } from './workspaces-repo';

let t: ReturnType<typeof tempDatabase>;
let repo: WorkspacesRepo;
beforeEach(() => {
  t = tempDatabase();
  repo = createWorkspacesRepo(t.db);
});
afterEach(() => t.cleanup());

const ws = (id: string, name: string, current = false): Workspace => ({
  id,
  name,
  current,
  state: EMPTY_WORKSPACE,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});

describe('workspaces repo (migration 005)', () => {
  it('keeps exactly one current workspace: inserting or opening another moves the flag', () => {
    repo.insert(ws('a', 'A', true));
    repo.insert(ws('b', 'B', true));
    expect(repo.list().map((w) => [w.id, w.current])).toEqual([['b', true], ['a', false]]);
    repo.makeCurrent('a');
    expect(repo.current()?.id).toBe('a');
    expect(t.db.prepare('SELECT COUNT(*) AS n FROM workspaces WHERE is_current = 1').get()).toEqual({ n: 1 });
  });

  it('refuses a second workspace with the same name, whatever its case, and stores nothing', () => {
    repo.insert(ws('a', 'Alps'));
    expect(() => repo.insert(ws('b', 'ALPS'))).toThrow(WorkspaceNameTakenError);
    expect(() => repo.rename('a', 'alps', 'now')).not.toThrow();
    repo.insert(ws('c', 'Pyrenees'));
    expect(() => repo.rename('c', 'Alps', 'now')).toThrow(WorkspaceNameTakenError);
    expect(repo.list().map((w) => w.name)).toEqual(['alps', 'Pyrenees']);
  });

  it('the database refuses two current rows even written by hand', () => {
    repo.insert(ws('a', 'A', true));
    repo.insert(ws('b', 'B'));
    expect(() => t.db.prepare("UPDATE workspaces SET is_current = 1 WHERE id = 'b'").run()).toThrow(/UNIQUE/);
  });
});
