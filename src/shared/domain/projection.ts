import { z } from 'zod';

/** What the map needs to offer an EPSG code: its proj4 definition and where it may be used. */
export const ProjectionInfoSchema = z.object({
  code: z.number().int(),
  /** e.g. "RGF93 v1 / Lambert-93"; the code itself when no name is known. */
  name: z.string(),
  proj4: z.string().nullable(),
  /** Area of use in degrees: [west, south, east, north]; west > east when it crosses the antimeridian. */
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
  areaOfUse: z.string().nullable(),
  units: z.enum(['degree', 'metre', 'foot', 'other']),
  /** Why the code cannot be used (no definition shipped), or null when it can. */
  unavailable: z.string().nullable(),
});
export type ProjectionInfo = z.infer<typeof ProjectionInfoSchema>;
