import { z } from 'zod';
import { AoiBoxSchema, AoiGeometrySchema, AoiNameSchema, AoiSavedSchema, AoiSchema, AoiShapeSchema, AoiSummarySchema } from '../../domain/aoi';
import { ById, channelsOf, Empty, Id } from './define';

const AoiDraft = z.object({ name: AoiNameSchema, geometry: z.unknown() }).strict();

export const aoisContract = channelsOf('aois')({
  'aois.list': { request: Empty, response: z.array(AoiSummarySchema) },
  // Tens of thousands of AOIs never travel at once: lists read pages of summaries (the filter runs in
  // main), the map reads the AOIs in its view drawn at its scale, an export reads geometry page by page.
  'aois.page': {
    request: z.object({ text: z.string().max(200).optional(), offset: z.number().int().min(0), limit: z.number().int().min(1).max(5_000) }).strict(),
    response: z.object({ total: z.number().int(), items: z.array(AoiSummarySchema) }),
  },
  'aois.inView': {
    request: z
      .object({
        box: AoiBoxSchema.refine(([w, s, e, n]) => w >= -540 && e <= 540 && w <= e && s >= -90 && n <= 90 && s <= n, 'a lon/lat box, west <= east'),
        /** Degrees: vertices closer than this to the last one kept are not sent (about a pixel). */
        tolerance: z.number().min(0).max(10),
        limit: z.number().int().min(1).max(3_000),
        /** The AOI drawn apart at full detail (the active one). */
        exclude: Id.optional(),
      })
      .strict(),
    // `total` counts every AOI in the view; the `limit` with the largest boxes (in degrees) are sent.
    response: z.object({ total: z.number().int(), items: z.array(AoiShapeSchema) }),
  },
  'aois.exportPage': {
    request: z.object({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(2_000) }).strict(),
    response: z.object({ items: z.array(z.object({ name: z.string(), geometry: AoiGeometrySchema })) }),
  },
  'aois.get': { request: ById, response: AoiSchema },
  // Geometry is validated (and repaired) by shared/geo in main, which names where a problem is.
  'aois.create': { request: AoiDraft, response: AoiSavedSchema },
  'aois.update': {
    request: z.object({ id: z.string().min(1), name: AoiNameSchema.optional(), geometry: z.unknown().optional() }).strict(),
    response: AoiSavedSchema,
  },
  'aois.duplicate': { request: ById, response: AoiSchema },
  'aois.remove': { request: ById, response: AoiSchema },
  // Undo of a removal: the AOI comes back only if it could have been made by create (id, name, geometry
  // all checked the same way), so nothing restored is something remove would then refuse.
  'aois.restore': {
    request: z.object({ aoi: AoiSchema.extend({ id: Id, name: AoiNameSchema, createdAt: z.string().min(1).max(64) }) }).strict(),
    response: AoiSchema,
  },
  'aois.import': {
    request: z.object({ aois: z.array(AoiDraft).min(1).max(10_000) }).strict(),
    response: z.object({ aois: z.array(AoiSchema), repairs: AoiSavedSchema.shape.repairs }),
  },
  // Large imports travel in chunks and are stored at once on commit (all or nothing).
  'aois.importStage': {
    request: z
      .object({
        importId: Id.optional(),
        offset: z.number().int().min(0),
        aois: z.array(AoiDraft).min(1).max(2_000),
      })
      .strict(),
    response: z.object({ importId: z.string(), staged: z.number().int() }),
  },
  'aois.importCommit': {
    request: z.object({ importId: Id }).strict(),
    response: z.object({ ids: z.array(z.string()), repairs: AoiSavedSchema.shape.repairs }),
  },
  'aois.importDiscard': { request: z.object({ importId: Id }).strict(), response: z.object({ discarded: z.boolean() }) },
  'aois.removeMany': {
    request: z.object({ ids: z.array(Id).min(1).max(200_000) }).strict(),
    response: z.object({ trashId: z.string(), count: z.number().int() }),
  },
  'aois.restoreMany': { request: z.object({ trashId: Id }).strict(), response: z.object({ count: z.number().int() }) },
});
