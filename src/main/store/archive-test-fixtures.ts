import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { OrderDraft, Scene, SearchParams } from '../../shared/domain/archive';
import { openDatabase } from './database';

/** A real database file in its own temp folder, as the app opens it (WAL, migrations). */
export function tempDatabase(): { db: Database; file: string; dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'desk-archive-'));
  const file = join(dir, 'desk.sqlite');
  const db = openDatabase(file);
  return {
    db,
    file,
    dir,
    cleanup: () => {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A square footprint of `size` degrees with its south-west corner at lon/lat. */
export const square = (lon: number, lat: number, size = 0.2): Scene['footprint'] => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + size, lat],
      [lon + size, lat + size],
      [lon, lat + size],
      [lon, lat],
    ],
  ],
});

export const scene = (id: string, over: Partial<Scene> = {}): Scene => ({
  id,
  sourceId: `DS_${id}`,
  constellation: 'PHR',
  satellite: 'PHR1A',
  acquisitionDate: '2024-05-01T10:30:00.000Z',
  cloudCover: 12.5,
  incidenceAngle: 14.2,
  resolutionM: 0.5,
  footprint: square(2.2, 48.8),
  aoiCoverage: 0.8,
  hasQuicklook: true,
  properties: { id, processingLevel: 'SENSOR', nested: { a: [1, 2] } },
  ...over,
});

export const params = (over: Partial<SearchParams> = {}): SearchParams => ({
  accountId: 'acc-1',
  contractId: 'c-1',
  aoiId: 'aoi-1',
  from: '2024-01-01',
  to: '2024-12-31',
  maxCloudCover: 30,
  maxIncidenceAngle: 30,
  constellations: [],
  sort: 'date-desc',
  pageSize: 50,
  page: 1,
  ...over,
});

export const draft = (over: Partial<OrderDraft> = {}): OrderDraft => ({
  accountId: 'acc-1',
  contractId: 'c-1',
  productTypeId: 'PHR_BUNDLE',
  aoiId: 'aoi-1',
  sceneIds: ['s1', 's2'],
  searchId: 'search-1',
  options: [{ key: 'processing_level', value: 'ortho' }],
  deliveryType: 'network',
  primaryMarket: 'defence',
  secondaryMarket: null,
  country: 'FR',
  customerReference: 'REF-1',
  notificationEmails: [],
  ...over,
});
