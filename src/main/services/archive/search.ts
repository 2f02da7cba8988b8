import { randomUUID } from 'node:crypto';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Aoi } from '../../../shared/domain/aoi';
import type { ListedSearchPage, Scene, SceneProperties, SearchPage, SearchParams, SearchSummary } from '../../../shared/domain/archive';
import { aoiCoverage } from '../../../shared/geo/coverage';
import { DeskFailure } from '../../errors';
import type { ProviderScene } from '../../providers/types';
import type { QuicklooksRepo } from '../../store/quicklooks-repo';
import type { SearchesRepo } from '../../store/searches-repo';
import { withProvider, type ProviderAccess } from '../shared/provider-access';
import { isUnreachable } from '../shared/cached-read';

/**
 * Archive search: runs the provider search for the AOI, adds the share of the AOI each footprint
 * covers, stores the search and its scenes (so it can be browsed offline) and answers the stored page.
 * Page 2+ of a search appends to it (`appendTo`) instead of starting a new history entry. Pages answer
 * scenes without their provider properties; `sceneProperties` reads one scene's from the store.
 */
export function createSearchService(deps: {
  access: ProviderAccess;
  aoi(id: string): Aoi;
  searches: SearchesRepo;
  quicklooks: QuicklooksRepo;
  now?: () => Date;
}) {
  const now = () => (deps.now ?? (() => new Date()))().toISOString();

  const search = async (params: SearchParams, appendTo?: string): Promise<ListedSearchPage> => {
    const aoi = deps.aoi(params.aoiId);
    const geometry = aoi.geometry as Polygon | MultiPolygon;
    const previous = appendTo ? deps.searches.getSummary(appendTo) : undefined;
    if (appendTo && !previous) throw new DeskFailure('NOT_FOUND', 'That search is no longer stored.');
    const { value, account, kind } = await withProvider(deps.access, params.accountId, async ({ provider, account, call }) => ({
      account,
      kind: provider.kind,
      value: (
        await provider.search(
          {
            contractId: params.contractId,
            aoi: geometry,
            from: params.from,
            to: params.to,
            maxCloudCover: params.maxCloudCover,
            maxIncidenceAngle: params.maxIncidenceAngle,
            constellations: params.constellations,
            sort: params.sort,
            pageSize: params.pageSize,
            page: params.page,
          },
          call,
        )
      ).value,
    }));
    const scenes: Scene[] = value.scenes.map((s: ProviderScene) => ({ ...s, aoiCoverage: aoiCoverage(geometry, s.footprint) }));
    if (previous) {
      deps.searches.appendPage(previous.searchId, scenes, params.page, value.totalResults);
      return mustPage(previous.searchId);
    }
    const searchId = randomUUID();
    deps.searches.save({
      searchId,
      provider: kind,
      accountLabel: account.label,
      aoiName: aoi.name,
      aoiGeometry: geometry as SearchPage['aoiGeometry'],
      params,
      totalResults: value.totalResults,
      scenes,
      createdAt: now(),
    });
    return mustPage(searchId);
  };

  const mustPage = (searchId: string): ListedSearchPage => {
    const page = deps.searches.getPage(searchId);
    if (!page) throw new DeskFailure('NOT_FOUND', 'That search is no longer stored.');
    return page;
  };

  /** The scenes of a stored search by id, in the order asked, or a clear error naming what is missing. */
  const scenesOf = (searchId: string, sceneIds: string[]): { search: SearchSummary; provider: string; scenes: Scene[] } => {
    const search = deps.searches.getSummary(searchId);
    const provider = deps.searches.providerOf(searchId);
    if (!search || !provider) throw new DeskFailure('NOT_FOUND', 'That search is no longer stored.');
    const scenes = deps.searches.findScenes(searchId, sceneIds);
    const found = new Set(scenes.map((s) => s.id));
    const missing = sceneIds.filter((id) => !found.has(id));
    if (missing.length > 0) throw new DeskFailure('NOT_FOUND', `Scene ${missing.join(', ')} is not part of this search.`);
    return { search, provider, scenes };
  };

  const quicklook = async (searchId: string, sceneId: string): Promise<{ dataUrl: string; cached: boolean }> => {
    const { search, provider, scenes } = scenesOf(searchId, [sceneId]);
    const scene = scenes[0] as Scene;
    const stored = deps.quicklooks.get(provider, sceneId);
    if (stored) return { dataUrl: toDataUrl(stored.contentType, stored.bytes), cached: true };
    if (!scene.hasQuicklook) throw new DeskFailure('NO_QUICKLOOK', 'The provider offers no quicklook for this scene.');
    try {
      const fetched = await withProvider(deps.access, search.accountId, ({ provider: p, call }) => p.quicklook(scene, call));
      deps.quicklooks.put({ provider, sceneId, contentType: fetched.contentType, bytes: fetched.bytes, fetchedAt: now() });
      return { dataUrl: toDataUrl(fetched.contentType, fetched.bytes), cached: false };
    } catch (err) {
      if (isUnreachable(err)) throw new DeskFailure('PROVIDER_UNREACHABLE', 'Offline: this quicklook was not viewed before, so it is not stored.');
      throw err;
    }
  };

  /** Read from the store (works offline): only scenes the search returned. */
  const sceneProperties = (searchId: string, sceneId: string): SceneProperties => {
    const properties = deps.searches.sceneProperties(searchId, sceneId);
    if (properties) return { properties };
    if (!deps.searches.getSummary(searchId)) throw new DeskFailure('NOT_FOUND', 'That search is no longer stored.');
    throw new DeskFailure('NOT_FOUND', `Scene ${sceneId} is not part of this search.`);
  };

  return {
    search,
    page: mustPage,
    sceneProperties,
    scenesOf,
    quicklook,
    history: (limit = 100) => deps.searches.history(limit),
  };
}
export type SearchService = ReturnType<typeof createSearchService>;

const toDataUrl = (contentType: string, bytes: Uint8Array): string => `data:${contentType};base64,${Buffer.from(bytes).toString('base64')}`;
