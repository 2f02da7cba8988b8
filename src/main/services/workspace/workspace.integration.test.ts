import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_WORKSPACE, type Workspace, type WorkspaceState, type WorkspaceSummary } from '../../../shared/domain/workspace';
import type { Channel, Request, Response } from '../../../shared/ipc/contract';
import { createDesk, type Desk } from '../../desk';
import type { Vault } from '../../vault/vault';

// Workspaces never touch secrets: a vault that would fail loudly if they did.
const noVault: Vault = {
  status: async () => ({ available: false, message: 'not used' }),
  get: async () => {
    throw new Error('unexpected keychain read');
  },
  set: async () => {
    throw new Error('unexpected keychain write');
  },
  delete: async () => {
    throw new Error('unexpected keychain delete');
  },
};

const square = { type: 'Polygon', coordinates: [[[1.4, 43.5], [1.5, 43.5], [1.5, 43.6], [1.4, 43.6], [1.4, 43.5]]] };

describe('workspaces (real SQLite file, through the registry)', () => {
  let dir: string;
  let desk: Desk;
  const open = () => (desk = createDesk({ dataDir: dir, host: 'web', version: 'test', vault: noVault }));
  const call = async <C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>> => {
    const r = await desk.registry.dispatch(channel, request);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value as Response<C>;
  };
  const failure = async <C extends Channel>(channel: C, request: Request<C>) => {
    const r = await desk.registry.dispatch(channel, request);
    if (r.ok) throw new Error(`${channel} unexpectedly succeeded`);
    return r.error;
  };
  const state = (patch: Partial<WorkspaceState>): WorkspaceState => ({ ...EMPTY_WORKSPACE, ...patch });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'desk-workspace-'));
    open();
  });
  afterEach(() => {
    desk.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts with "Last session" at its defaults and restores what was saved after a restart', async () => {
    const first = await call('workspace.current', {});
    expect(first).toMatchObject({ name: 'Last session', current: true, state: { section: 'accounts', view: null, basemap: 'offline' } });
    const saved = state({
      view: { center: [1.44, 43.6], zoom: 12.5, rotation: 0.3, projection: 2154 },
      section: 'archive',
      step: 'results',
      search: { searchId: 's1', selectedSceneId: 'sc2', quicklookSceneIds: ['sc2'] },
      layers: { footprints: { visible: false, opacity: 0.6 } },
    });
    await call('workspace.save', { state: saved });
    desk.close();
    open();
    const back = await call('workspace.current', {});
    expect(back.id).toBe(first.id);
    expect(back.state).toEqual(saved);
  });

  it('saves under a name, switches, renames, refuses a taken name, and deletes undoably', async () => {
    const last = await call('workspace.current', {});
    await call('workspace.save', { state: state({ section: 'aois' }) });
    const alps = await call('workspace.saveAs', { name: 'Alps' });
    expect(alps).toMatchObject({ name: 'Alps', current: true, state: { section: 'aois' } });
    await call('workspace.save', { state: state({ section: 'orders' }) });
    expect((await call('workspace.current', {})).id).toBe(alps.id);

    const reopened = await call('workspace.open', { id: last.id });
    expect(reopened).toMatchObject({ name: 'Last session', current: true, state: { section: 'aois' } });
    expect((await call('workspace.list', {})).map((w: WorkspaceSummary) => [w.name, w.current])).toEqual([['Last session', true], ['Alps', false]]);

    expect(await failure('workspace.rename', { id: alps.id, name: 'last SESSION' })).toMatchObject({ code: 'CONFLICT', details: { field: 'name' } });
    expect(await call('workspace.rename', { id: alps.id, name: 'Alps 2026' })).toMatchObject({ name: 'Alps 2026' });
    expect(await failure('workspace.remove', { id: last.id })).toMatchObject({ code: 'CONFLICT' });

    const removed: Workspace = await call('workspace.remove', { id: alps.id });
    expect((await call('workspace.list', {})).map((w: WorkspaceSummary) => w.name)).toEqual(['Last session']);
    await call('workspace.restore', { workspace: removed });
    const again = await call('workspace.open', { id: alps.id });
    expect(again).toMatchObject({ name: 'Alps 2026', state: { section: 'orders' } });
  });

  it('exports a workspace with its AOI inside and imports it as a new workspace with a new AOI', async () => {
    const created = await call('aois.create', { name: 'Toulouse', geometry: square });
    await call('workspace.save', { state: state({ section: 'archive', aoiId: created.aoi.id, search: { searchId: 'nowhere', selectedSceneId: null, quicklookSceneIds: [] } }) });
    const current = await call('workspace.current', {});
    const file = await call('workspace.export', { id: current.id });
    expect(file.fileName).toBe('Last session.desk-workspace.json');
    const parsed = JSON.parse(file.text) as { format: string; aois: { features: { geometry: unknown }[] } };
    expect(parsed.format).toBe('imagery-desk.workspace');
    expect(parsed.aois.features).toHaveLength(1);

    const imported = await call('workspace.import', { text: file.text });
    expect(imported).toMatchObject({ aoisAdded: 1, workspace: { name: 'Last session (2)', current: false } });
    const opened = await call('workspace.open', { id: imported.workspace.id });
    expect(opened.state.aoiId).not.toBe(created.aoi.id);
    expect(opened.state.search).toBeNull();
    const copy = await call('aois.get', { id: opened.state.aoiId });
    expect(copy.name).toBe('Toulouse');
    expect(copy.geometry).toEqual(created.aoi.geometry);
  });

  it('refuses a file that is not a workspace and changes nothing', async () => {
    await call('aois.create', { name: 'Keep', geometry: square });
    const before = [await call('workspace.list', {}), await call('aois.list', {})];
    expect(await failure('workspace.import', { text: '{"type":"FeatureCollection","features":[]}' })).toMatchObject({ code: 'INVALID_REQUEST' });
    expect(await failure('workspace.import', { text: 'not json' })).toMatchObject({ code: 'INVALID_REQUEST' });
    const broken = JSON.stringify({ format: 'imagery-desk.workspace', version: 1, name: 'Bad', exportedAt: 'x', state: {}, aois: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'x' }, geometry: { type: 'Point', coordinates: [0, 0] } }] } });
    expect(await failure('workspace.import', { text: broken })).toMatchObject({ code: 'INVALID_GEOMETRY' });
    expect([await call('workspace.list', {}), await call('aois.list', {})]).toEqual(before);
  });

  it('restores defaults when a stored state no longer parses', async () => {
    const current = await call('workspace.current', {});
    desk.db.prepare('UPDATE workspaces SET state = ? WHERE id = ?').run('{"view": {"zoom": "far"}', current.id);
    expect((await call('workspace.current', {})).state).toEqual(state({}));
  });
});
