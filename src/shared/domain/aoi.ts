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

export const AoiSummarySchema = AoiSchema.omit({ geometry: true });
export type AoiSummary = z.infer<typeof AoiSummarySchema>;

export const AoiNameSchema = z.string().trim().min(1, 'a name is required').max(200);

/** What a save reports back: the stored AOI and the repairs made on the way in. */
/** A safe repair applied to an AOI on its way in (closed ring, duplicate vertex, winding …), where it was. */
export const RepairNoteSchema = z.object({ code: z.string(), message: z.string(), path: z.string() });
export type RepairNote = z.infer<typeof RepairNoteSchema>;
export const AoiSavedSchema = z.object({ aoi: AoiSchema, repairs: z.array(RepairNoteSchema) });
