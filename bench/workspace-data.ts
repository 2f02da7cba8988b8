import { join } from 'node:path';
import { DATABASE_FILE } from '../src/main/desk';
import { createAoisService } from '../src/main/services/aois/service';
import { createWorkspaceService } from '../src/main/services/workspace/service';
import { createAoisRepo } from '../src/main/store/aois-repo';
import { openDatabase } from '../src/main/store/database';
import { createSearchesRepo } from '../src/main/store/searches-repo';
import { createWorkspacesRepo } from '../src/main/store/workspaces-repo';
import type { Scene } from '../src/shared/domain/archive';
import { EMPTY_WORKSPACE, type WorkspaceState } from '../src/shared/domain/workspace';
import { seededRandom, stripRing } from './strips';

/**
 * The data folder bench/workspace.bench.ts restores: made with the app's own store code, one AOI over
 * France, a stored search of 5,000 scenes (10-vertex strips over western Europe, as in
 * footprints.bench, with OneAtlas-like properties and links) and a current workspace in the archive
 * section with that search, a selected scene and a view centred on the strips.
 */

export const COUNT = 5_000;
export const SEARCH_ID = 'bench-search-0001';
export const VIEW = { center: [5, 46] as [number, number], zoom: 5.5, rotation: 0, projection: 3857 };

export function makeScenes(count: number): Scene[] {
  const rnd = seededRandom();
  return Array.from({ length: count }, (_, i): Scene => {
    const { ring, lon, lat } = stripRing(rnd);
    const cloud = Math.round(rnd() ** 2 * 100);
    const date = new Date(Date.UTC(2023, 0, 1) + Math.floor(rnd() * 730 * 86_400_000)).toISOString();
    const id = `bench-${String(i).padStart(5, '0')}-${Math.floor(rnd() * 1e9).toString(16)}`;
    const ds = `DS_PHR1A_${date.replace(/\D/g, '').slice(0, 14)}_FR1_PX_E00${Math.floor(lon + 5)}N${Math.floor(lat)}_01${i % 10}`;
    const href = `http://127.0.0.1:1/api/v1/items/${id}`;
    const incidence = Math.round(rnd() * 300) / 10;
    return {
      id, sourceId: ds, constellation: 'PHR', satellite: 'PHR1A', acquisitionDate: date, cloudCover: cloud, incidenceAngle: incidence,
      resolutionM: 0.5, footprint: { type: 'Polygon', coordinates: [ring] }, aoiCoverage: Math.round(rnd() * 1000) / 1000, hasQuicklook: true,
      properties: {
        id, acquisitionDate: date, acquisitionStation: 'FR1', archiveIdentifier: ds, archivingCenter: 'FR1', azimuthAngle: rnd() * 360,
        cloudCover: cloud, constellation: 'PHR', correlationId: `mmcat_${id.replace(/-/g, '')}`, expirationDate: null, format: 'image/jp2',
        illuminationAzimuthAngle: 150 + rnd() * 30, illuminationElevationAngle: 30 + rnd() * 30, incidenceAngle: incidence,
        incidenceAngleAcrossTrack: rnd() * 20, incidenceAngleAlongTrack: rnd() * 20, lastUpdateDate: date, organisationName: 'AIRBUS DS GEO',
        parentIdentifier: ds, platform: 'PHR1A', processingCenter: 'FCMUGC', processingDate: date, processingLevel: 'SENSOR',
        processorName: 'IPU V_05_03', productCategory: 'image', productType: 'bundle', productionStatus: 'ARCHIVED', publicationDate: date,
        qualified: false, resolution: 0.5, sensorType: 'OPTICAL', snowCover: 0, sourceIdentifier: ds, spectralRange: 'VISIBLE', title: ds,
        workspaceId: '0e33eb50-3404-48ad-b835-b0b4b72a5625', workspaceName: 'public', workspaceTitle: 'Public',
        _links: { quicklook: { href: `${href}/quicklook`, name: 'QuickLook', type: 'HTTP' }, thumbnail: { href: `${href}/thumbnail`, name: 'Thumbnail', type: 'HTTP' } },
      },
    };
  });
}

/** The template data folder: an AOI, the stored 5,000-scene search, the current workspace pointing at both. */
export function prepareTemplate(dir: string): { selected: string } {
  const db = openDatabase(join(dir, DATABASE_FILE));
  try {
    const aoi = createAoisService({ repo: createAoisRepo(db) }).create('France centre', {
      type: 'Polygon', coordinates: [[[0, 44], [8, 44], [8, 48.5], [0, 48.5], [0, 44]]],
    }).aoi;
    const scenes = makeScenes(COUNT);
    const searchId = SEARCH_ID;
    createSearchesRepo(db).save({
      searchId, provider: 'oneatlas', accountLabel: 'Bench account', aoiName: aoi.name, aoiGeometry: aoi.geometry as Scene['footprint'],
      params: { accountId: 'bench-account', contractId: null, aoiId: aoi.id, from: '2023-01-01', to: '2024-12-31', maxCloudCover: 100,
        maxIncidenceAngle: 60, constellations: [], sort: 'date-desc', pageSize: 500, page: COUNT / 500 },
      totalResults: COUNT, scenes, createdAt: new Date().toISOString(),
    });
    const selected = scenes[17]!.id;
    const state: WorkspaceState = {
      ...EMPTY_WORKSPACE, view: VIEW, section: 'archive', step: 'source,search,results', aoiId: aoi.id,
      search: { searchId, selectedSceneId: selected, quicklookSceneIds: [selected] },
    };
    const workspaces = createWorkspaceService({ repo: createWorkspacesRepo(db), aois: { find: () => undefined, add: () => [] }, searchExists: () => true });
    workspaces.current();
    workspaces.save(state);
    return { selected };
  } finally {
    db.close(); // checkpoints the WAL: the .sqlite file alone is the whole database
  }
}

