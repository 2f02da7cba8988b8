import { z } from 'zod';

/**
 * What the user was looking at, saved as they work and put back at the next start: the map view, the
 * open section and its step, the active account/contract/product/AOI, the last search with its selection
 * and quicklooks, and each layer's visibility and opacity. Unknown keys from a newer version are
 * dropped, missing ones take their defaults, so an old or partial state always restores something.
 */
export const MapViewStateSchema = z.object({
  /** Longitude and latitude of the view centre (EPSG:4326), whatever the view's projection. */
  center: z.tuple([z.number().min(-540).max(540), z.number().min(-90).max(90)]),
  zoom: z.number().min(0).max(30),
  rotation: z.number().min(-10).max(10),
  /** EPSG code of the view's projection. */
  projection: z.number().int().positive().max(999_999),
});
export type MapViewState = z.infer<typeof MapViewStateSchema>;

export const LayerStateSchema = z.object({ visible: z.boolean(), opacity: z.number().min(0).max(1) });
export type LayerState = z.infer<typeof LayerStateSchema>;

const Ref = z.string().max(500);

export const WorkspaceStateSchema = z.object({
  view: MapViewStateSchema.nullable().default(null),
  section: z.string().max(40).default('accounts'),
  /** The step open inside the section (e.g. the archive's "results"), as that section names it. */
  step: z.string().max(40).default(''),
  accountId: Ref.default(''),
  contractId: Ref.default(''),
  productTypeId: Ref.default(''),
  aoiId: Ref.default(''),
  /** The Tasking section: the offer chosen, its open tab and the tasking followed on the map. */
  taskingProductTypeId: Ref.default(''),
  taskingTab: z.enum(['new', 'taskings']).default('new'),
  taskingId: Ref.default(''),
  search: z
    .object({
      searchId: Ref,
      selectedSceneId: Ref.nullable(),
      /** Scenes whose quicklooks were draped on the map. */
      quicklookSceneIds: z.array(Ref).max(200),
    })
    .nullable()
    .default(null),
  layers: z.record(z.string().max(60), LayerStateSchema).default({}),
  /** The chosen basemap's id (the offline one unless the user picked another). */
  basemap: z.string().max(200).default('offline'),
});
export type WorkspaceState = z.infer<typeof WorkspaceStateSchema>;

export const EMPTY_WORKSPACE: WorkspaceState = WorkspaceStateSchema.parse({});

export const WorkspaceNameSchema = z.string().trim().min(1, 'a name is required').max(120);

export const WorkspaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The one written as the user works, restored at start. */
  current: z.boolean(),
  state: WorkspaceStateSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Workspace = z.infer<typeof WorkspaceSchema>;

export const WorkspaceSummarySchema = WorkspaceSchema.omit({ state: true });
export type WorkspaceSummary = z.infer<typeof WorkspaceSummarySchema>;

/** The name of the workspace the app writes as the user works. */
export const LAST_SESSION = 'Last session';

/** A workspace as a file: its state plus the AOIs it refers to, as GeoJSON, so it opens on another machine. */
export const WORKSPACE_FILE_FORMAT = 'imagery-desk.workspace';
export const WorkspaceFileSchema = z.object({
  format: z.literal(WORKSPACE_FILE_FORMAT),
  version: z.literal(1),
  name: WorkspaceNameSchema,
  exportedAt: z.string(),
  state: WorkspaceStateSchema,
  /** A GeoJSON FeatureCollection of the workspace's AOIs (each feature's `id` is the AOI id it had). */
  aois: z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) }),
});
export type WorkspaceFile = z.infer<typeof WorkspaceFileSchema>;
