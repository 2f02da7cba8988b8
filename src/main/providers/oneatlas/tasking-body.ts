import type { TaskingOrderRequest } from '../tasking';
import { flatPolygon } from './tasking-search';

/**
 * The tasking price and order body (`POST /api/v1/prices`, `/api/v1/orders`; the One Tasking guide,
 * steps 7-8: "the body request is the same than the price endpoint"). It must satisfy both the guide
 * and the OneAtlas OpenAPI's "Tasking SPOT & Pleiades" request schema. Where they disagree:
 *
 * - endUsers, notificationEmails: required by the OpenAPI, absent from the guide: sent (OpenAPI).
 * - e-mail notifications: the guide puts them in `delivery.notifications` (step 8 text; its sample
 *   repeats them per item): sent once, in `delivery` (guide), as well as in `notificationEmails` (OpenAPI).
 * - item properties: the OpenAPI's list is closed (acquisitionMode, notificationThreshold, maxCloudCover,
 *   maxIncidenceAngle, acqPeriod, feasibilityAutomation, classification, …). The guide's samples add
 *   `extendedAngle`, `comments`, `orderDeadLine`, `acqPeriods` (all already inside the segmentKey, or in
 *   `comments` at item level) and `feasibilityAutomationName`: those are left out (OpenAPI). The
 *   feasibility's automation name stays in our store beside the order.
 * - programReference: the guide sends null, the OpenAPI types it as a string: left out (neither requires it).
 * - optionsPerProductType[].licence: the guide's OnePlan sample sends `licence: ""`; the OpenAPI has
 *   no such field and the licence is an option pair anyway: left out.
 * - acqPeriod: "<start> <end>" with milliseconds and Z, the pattern both describe.
 * - ONEDAY/ONENOW carry the chosen `segmentKey` as received (both); ONEPLAN/ONESERIES carry the period
 *   and the feasibility's classification and automation (guide step 7; OpenAPI property list).
 */

const iso = (d: string) => new Date(d).toISOString();

function itemProperties(req: TaskingOrderRequest): { key: string; value: unknown }[] {
  if (req.segmentKey) return [{ key: 'maxCloudCover', value: req.maxCloudCover }];
  const props: { key: string; value: unknown }[] = [{ key: 'acquisitionMode', value: req.acquisitionMode }];
  if (req.feasibility?.classification) props.push({ key: 'classification', value: req.feasibility.classification });
  if (req.feasibility?.automation) props.push({ key: 'feasibilityAutomation', value: req.feasibility.automation });
  props.push(
    { key: 'notificationThreshold', value: req.notificationThreshold ?? req.maxCloudCover },
    { key: 'maxCloudCover', value: req.maxCloudCover },
    { key: 'maxIncidenceAngle', value: req.maxIncidenceAngle },
  );
  if (req.period) props.push({ key: 'acqPeriod', value: `${iso(req.period.start)} ${iso(req.period.end)}` });
  return props;
}

export function taskingOrderBody(req: TaskingOrderRequest): Record<string, unknown> {
  const item: Record<string, unknown> = {
    productTypeId: req.productTypeId,
    dataSourceIds: [],
    aoiId: 1,
    properties: itemProperties(req),
    ...(req.comments ? { comments: req.comments } : {}),
    ...(req.segmentKey ? { segmentKey: req.segmentKey } : {}),
  };
  const notifications = req.notificationEmails.length
    ? [{ name: '', channels: [{ type: 'email', parameters: { addresses: req.notificationEmails } }], filter: { events: ['ACQUISITION_RECEIVED'] } }]
    : undefined;
  return {
    aoi: [{ id: 1, name: req.aoiName, geometry: flatPolygon(req.aoi) }],
    contractId: req.contractId,
    items: [item],
    primaryMarket: req.primaryMarket,
    ...(req.secondaryMarket ? { secondaryMarket: req.secondaryMarket } : {}),
    customerReference: req.customerReference,
    optionsPerProductType: [{ productTypeId: req.productTypeId, options: req.options.map((o) => ({ key: o.key, value: o.value })) }],
    endUsers: [{ ...(req.endUserName ? { endUserName: req.endUserName } : {}), ...(req.country ? { country: req.country } : {}) }],
    delivery: { type: req.deliveryType, ...(req.workspace ? { workspace: req.workspace } : {}), ...(notifications ? { notifications } : {}) },
    notificationEmails: req.notificationEmails,
  };
}
