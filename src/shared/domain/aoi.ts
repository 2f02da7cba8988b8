import { z } from 'zod';

/**
 * An AOI's geometry as it crosses the boundary: structurally a GeoJSON Polygon or MultiPolygon. Its
 * content (ranges, rings, self-intersections) is checked by shared/geo/validate in main, which repairs
 * what is safe and refuses the rest with a path saying where.
 */
export const AoiGeometrySchema = z.object({
  type: z.enum(['Polygon', 'MultiPolygon']),
  coordinates: z.array(z.array(z.unknown())),
});

export const AoiSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** EPSG:4326, RFC 7946 (right-hand winding), whatever the map's projection. */
  geometry: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.array(z.unknown())) }),
  areaKm2: z.number(),
  vertexCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Aoi = z.infer<typeof AoiSchema>;

/**
 * [west, south, east, north] in degrees; an AOI across the antimeridian has east beyond 180 (Fiji is
 * about [177, -19, 182, -16]), so a box is always one piece with west <= east.
 */
export const AoiBoxSchema = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export type AoiBox = z.infer<typeof AoiBoxSchema>;

/** What lists need of an AOI (no geometry): its box lets the map zoom to it without loading it. */
export const AoiSummarySchema = AoiSchema.omit({ geometry: true }).extend({ box: AoiBoxSchema.nullable() });
export type AoiSummary = z.infer<typeof AoiSummarySchema>;

/**
 * An AOI as the map draws it among many: the geometry may be simplified for the view's scale (never
 * stored or edited in that form), `updatedAt` says when it must be drawn again.
 */
export const AoiShapeSchema = z.object({ id: z.string(), name: z.string(), updatedAt: z.string(), geometry: AoiGeometrySchema });
export type AoiShape = z.infer<typeof AoiShapeSchema>;

export const AoiNameSchema = z.string().trim().min(1, 'a name is required').max(200);

/** What a save reports back: the stored AOI and the repairs made on the way in. */
/** A safe repair applied to an AOI on its way in (closed ring, duplicate vertex, winding …), where it was. */
export const RepairNoteSchema = z.object({ code: z.string(), message: z.string(), path: z.string() });
export type RepairNote = z.infer<typeof RepairNoteSchema>;
export const AoiSavedSchema = z.object({ aoi: AoiSchema, repairs: z.array(RepairNoteSchema) });
