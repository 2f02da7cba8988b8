import type { Account } from '../../../shared/domain/account';
import type { Aoi } from '../../../shared/domain/aoi';
import type { ComparisonLabel, ComparisonOffer, ComparisonRow } from '../../../shared/domain/comparison';
import { isAttemptProgType, type TaskingProductType, type TaskingQuery } from '../../../shared/domain/tasking';
import { defaultAttemptWindow, defaultPlanPeriod, TASKING_DEFAULT_PARAMS } from '../../../shared/domain/tasking-defaults';
import { utcMinute } from '../../../shared/domain/tasking-rules';
import { DeskFailure } from '../../errors';
import { PRICING_NOTIFICATION_EMAIL, pricingDeclarations } from './declarations';
import { archiveLabel, fallbackLabel, taskingLabel } from './labels';
import type { ComparisonPorts } from './ports';
import { failedRow, pricedRow } from './rows';

/**
 * Prices one offer of a comparison the way its own flow would, with the defaults that flow starts
 * from. Whatever fails becomes the row's error: one refusal never fails the comparison.
 */

type ArchiveOffer = Extract<ComparisonOffer, { kind: 'archive' }>;
type TaskingOffer = Extract<ComparisonOffer, { kind: 'tasking' }>;

/** The offer's label as far as it is known: a failure midway still names whose offer it was. */
interface Work {
  label: ComparisonLabel;
}

async function accountOf(ports: ComparisonPorts, accountId: string): Promise<Account> {
  const account = (await ports.accounts()).find((a) => a.id === accountId);
  if (!account) throw new DeskFailure('NOT_FOUND', 'This account no longer exists.');
  return account;
}

async function priceArchive(ports: ComparisonPorts, aoi: Aoi, offer: ArchiveOffer, work: Work, account: Account): Promise<ComparisonRow> {
  const product = (await ports.archive.productTypes(offer.accountId, offer.contractId)).find((p) => p.productTypeId === offer.productTypeId);
  if (!product) throw new DeskFailure('INVALID_REQUEST', `Contract ${offer.contractId} offers no archive product “${offer.productTypeId}”.`, { field: 'productTypeId' });
  const scene = ports.archive.scenesOf(offer.searchId, [offer.sceneId]).scenes[0];
  if (!scene) throw new DeskFailure('NOT_FOUND', `Scene ${offer.sceneId} is not part of this search.`);
  work.label = archiveLabel(account, product, scene);
  if (product.quotationRequired) throw new DeskFailure('UNSUPPORTED', 'Pléiades Neo archive is quoted, not priced: open it to request a quotation.');
  const now = ports.now();
  const catalogue = await ports.archive.catalogue(offer.accountId, offer.contractId, offer.productTypeId, aoi.id);
  const declared = pricingDeclarations(product.label, catalogue, now);
  const price = await ports.archive.price({ accountId: offer.accountId, contractId: offer.contractId, productTypeId: offer.productTypeId, aoiId: aoi.id, sceneIds: [offer.sceneId], searchId: offer.searchId, notificationEmails: [], ...declared });
  return pricedRow({ offer, label: work.label, price, aoiAreaKm2: aoi.areaKm2, minimumKm2: product.minimumOrderAreaApplied, earliestAcquisition: null, pricedAt: now.toISOString() });
}

/** OneDay/OneNow: the earliest acquisition that can still be ordered, over the default window. */
async function earliestAttempt(ports: ComparisonPorts, product: TaskingProductType, base: Omit<TaskingQuery, 'start' | 'end'>) {
  const now = ports.now().getTime();
  const window = defaultAttemptWindow(now);
  const end = product.progType === 'ONENOW' ? null : new Date(window.end).toISOString();
  const set = await ports.tasking.attempts({ ...base, start: new Date(window.start).toISOString(), end });
  if (!set.available) {
    const reasons = set.errors.map((e) => e.message).join(' ') || 'no reason given.';
    throw new DeskFailure('PROVIDER_ERROR', `No acquisition is offered for ${product.label}: ${reasons}`);
  }
  const open = set.attempts.filter((a) => Date.parse(a.orderDeadline) > now).sort((a, b) => Date.parse(a.acquisitionStart) - Date.parse(b.acquisitionStart));
  const first = open[0];
  if (!first) throw new DeskFailure('NOT_FOUND', `No acquisition of ${product.label} can still be ordered from ${utcMinute(window.start)} on: ask again later or open it to choose other dates.`);
  return first;
}

async function priceTasking(ports: ComparisonPorts, aoi: Aoi, offer: TaskingOffer, work: Work, account: Account): Promise<ComparisonRow> {
  const product = (await ports.tasking.productTypes(offer.accountId, offer.contractId)).find((p) => p.productTypeId === offer.productTypeId);
  if (!product) throw new DeskFailure('INVALID_REQUEST', `Contract ${offer.contractId} offers no tasking product “${offer.productTypeId}”.`, { field: 'productTypeId' });
  work.label = taskingLabel(account, product);
  const d = TASKING_DEFAULT_PARAMS;
  const base = { accountId: offer.accountId, contractId: offer.contractId, productTypeId: offer.productTypeId, aoiId: aoi.id, acquisitionMode: d.acquisitionMode, maxCloudCover: d.maxCloudCover, maxIncidenceAngle: d.maxIncidenceAngle };

  let basis: { attemptId: string | null; feasibilityId: string | null; period: { start: string; end: string } | null; earliest: string };
  if (isAttemptProgType(product.progType)) {
    const attempt = await earliestAttempt(ports, product, base);
    basis = { attemptId: attempt.id, feasibilityId: null, period: null, earliest: attempt.acquisitionStart };
  } else {
    const period = defaultPlanPeriod(ports.now().getTime());
    const start = new Date(period.start).toISOString();
    const end = new Date(period.end).toISOString();
    const f = await ports.tasking.feasibility({ ...base, start, end });
    if (f.available && f.automation === 'MANUAL') {
      throw new DeskFailure('UNSUPPORTED', `${product.label} over this AOI needs a study by Airbus's tasking team before it can be priced: open it to ask for the study.`);
    }
    // A feasibility that says "not available" is refused by the price itself, in the tasking room's words.
    basis = { attemptId: null, feasibilityId: f.id, period: { start, end }, earliest: start };
  }

  const now = ports.now();
  const catalogue = await ports.archive.catalogue(offer.accountId, offer.contractId, offer.productTypeId, aoi.id);
  const declared = pricingDeclarations(product.label, catalogue, now);
  const price = await ports.tasking.price({
    ...base,
    attemptId: basis.attemptId,
    feasibilityId: basis.feasibilityId,
    period: basis.period,
    notificationThreshold: null,
    ...declared,
    endUserName: null,
    notificationEmails: [PRICING_NOTIFICATION_EMAIL],
    comments: null,
  });
  return pricedRow({ offer, label: work.label, price, aoiAreaKm2: aoi.areaKm2, minimumKm2: product.minimumOrderAreaKm2, earliestAcquisition: basis.earliest, pricedAt: now.toISOString() });
}

export async function priceOffer(ports: ComparisonPorts, aoi: Aoi, offer: ComparisonOffer): Promise<ComparisonRow> {
  const work: Work = { label: fallbackLabel(undefined, offer.productTypeId, offer.kind) };
  try {
    const account = await accountOf(ports, offer.accountId);
    work.label = fallbackLabel(account, offer.productTypeId, offer.kind);
    return offer.kind === 'archive' ? await priceArchive(ports, aoi, offer, work, account) : await priceTasking(ports, aoi, offer, work, account);
  } catch (err) {
    return failedRow(offer, work.label, err, ports.now().toISOString());
  }
}
