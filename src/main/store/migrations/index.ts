import type { Database } from 'better-sqlite3';
import { m001Initial } from './001-initial';
import { m002SandboxAccounts } from './002-sandbox-accounts';
import { m003AoiVertexCount } from './003-aoi-vertex-count';
import { m004Archive } from './004-archive';
import { m005Workspaces } from './005-workspaces';
import { m006Basemaps } from './006-basemaps';
import { m007Tasking } from './007-tasking';
import { m008TaskingCoverage } from './008-tasking-coverage';
import { m009Programming } from './009-programming';
import { m010Deliveries } from './010-deliveries';
import { m011Comparisons } from './011-comparisons';
import { m012SceneStore } from './012-scene-store';
import { m013AoiExtents } from './013-aoi-extents';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

/** Ordered, append-only: a released migration is never edited, a change is a new entry. */
export const MIGRATIONS: readonly Migration[] = [m001Initial, m002SandboxAccounts, m003AoiVertexCount, m004Archive, m005Workspaces, m006Basemaps, m007Tasking, m008TaskingCoverage, m009Programming, m010Deliveries, m011Comparisons, m012SceneStore, m013AoiExtents];
