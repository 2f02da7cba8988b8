import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ContractSchema, type Contract, type Order } from '../../../shared/domain/archive';
import { isAttemptProgType, type Tasking, type TaskingDraft, type TaskingPrice } from '../../../shared/domain/tasking';
import { DeskFailure } from '../../errors';
import type { TaskingOrderRequest } from '../../providers/tasking';
import type { TaskingRequestsRepo } from '../../store/tasking-requests-repo';
import type { TaskingsRepo } from '../../store/taskings-repo';
import { cachedRead } from '../shared/cached-read';
import { withProvider } from '../shared/provider-access';
import { withTasking, type Offers, type TaskingDeps } from './access';
import { taskingRow } from './rows';
import { checkDeadline, checkDraft, checkMinimumArea, taskingPolygon } from './rules';
import { orderFromTaskings, type TaskingSubmit } from './submit';

/** Price and order one tasking; the order follows the submit-once rule with reconciliation by reference. */

/** JSON with sorted keys: two equal drafts compare equal whatever their key order. */
const canonical = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(canonical).join(',')}]`
    : v && typeof v === 'object'
      ? `{${Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`
      : JSON.stringify(v);
const sameDraft = (a: TaskingDraft, b: TaskingDraft) => {
  const norm = (d: TaskingDraft) => canonical({ ...d, options: [...d.options].sort((x, y) => x.key.localeCompare(y.key)) });
  return norm(a) === norm(b);
};

export function createOrdering(deps: TaskingDeps & { offers: Offers; requests: TaskingRequestsRepo; taskings: TaskingsRepo; submit: TaskingSubmit }) {
  // The contract's workspace and credit, shared with the archive room through the same cache key.
  const contractOf = async (accountId: string, contractId: string): Promise<Contract | undefined> =>
    (
      await cachedRead(deps.cache, accountId, 'contracts', () => withProvider(deps.access, accountId, async ({ provider, call }) => (await provider.contracts(call)).value), z.array(ContractSchema), deps.now)
    ).value.find((c) => c.contractId === contractId);

  /** Every local rule, then the provider-neutral request. Nothing is sent when a rule refuses. */
  const requestFor = async (d: TaskingDraft): Promise<{ req: TaskingOrderRequest; contract: Contract | undefined }> => {
    const now = deps.now().getTime();
    checkDraft(d, now);
    const aoi = deps.aoi(d.aoiId);
    const polygon = taskingPolygon(aoi);
    const { product, offers } = await deps.offers.find(d.accountId, d.contractId, d.productTypeId);
    let segmentKey: string | null = null;
    let feasibility: TaskingOrderRequest['feasibility'] = null;
    if (isAttemptProgType(product.progType)) {
      const found = d.attemptId ? deps.requests.getAttempt(d.attemptId) : undefined;
      if (!found) throw new DeskFailure('INVALID_REQUEST', `Choose one of the attempts offered for ${product.label}: it is ordered from a chosen acquisition.`, { field: 'attemptId' });
      const { attempt, set } = found;
      if (set.accountId !== d.accountId || set.productTypeId !== d.productTypeId || set.query.aoiId !== d.aoiId) {
        throw new DeskFailure('INVALID_REQUEST', 'This attempt was offered for another account, product or AOI: ask for attempts again.', { field: 'attemptId' });
      }
      checkDeadline(attempt, now);
      checkMinimumArea(aoi, product, offers);
      segmentKey = attempt.segmentKey;
    } else {
      const f = d.feasibilityId ? deps.requests.getFeasibility(d.feasibilityId) : undefined;
      if (!f || f.accountId !== d.accountId || f.productTypeId !== d.productTypeId) {
        throw new DeskFailure('INVALID_REQUEST', `Ask for the feasibility of ${product.label} first: the order follows its answer.`, { field: 'feasibilityId' });
      }
      if (!f.available) throw new DeskFailure('INVALID_REQUEST', `The feasibility answer says this cannot be tasked: ${f.errors.map((e) => e.message).join('; ') || 'not available'}.`, { field: 'feasibilityId' });
      if (!d.period) throw new DeskFailure('INVALID_REQUEST', `Give the acquisition period of the ${product.progType === 'ONESERIES' ? 'series' : 'plan'}.`, { field: 'period.start' });
      feasibility = { classification: f.classification, automation: f.automation, automationName: f.automationName };
    }
    // Read once per price or order: its workspace goes in the body, its credit beside the price.
    const contract = await contractOf(d.accountId, d.contractId);
    const req: TaskingOrderRequest = {
      contractId: d.contractId,
      productTypeId: d.productTypeId,
      progType: product.progType,
      aoi: polygon,
      aoiName: aoi.name,
      segmentKey,
      period: isAttemptProgType(product.progType) ? null : d.period,
      acquisitionMode: d.acquisitionMode,
      maxCloudCover: d.maxCloudCover,
      maxIncidenceAngle: d.maxIncidenceAngle,
      notificationThreshold: d.notificationThreshold,
      feasibility,
      options: d.options,
      deliveryType: d.deliveryType,
      workspace: contract?.workspace ?? null,
      primaryMarket: d.primaryMarket,
      secondaryMarket: d.secondaryMarket,
      country: d.country,
      endUserName: d.endUserName,
      notificationEmails: d.notificationEmails,
      comments: d.comments,
      customerReference: d.customerReference,
    };
    return { req, contract };
  };

  return {
    async price(d: TaskingDraft): Promise<TaskingPrice> {
      const { req, contract } = await requestFor(d);
      const { value, raw } = await withTasking(deps, d.accountId, (t, call) => t.price(req, call));
      const price: TaskingPrice = { id: randomUUID(), ...value, creditRemaining: contract?.creditRemaining ?? null, createdAt: deps.now().toISOString() };
      deps.requests.savePrice(price, d, d.accountId, raw);
      return price;
    },

    async order(d: TaskingDraft, priceId: string): Promise<{ order: Order; taskings: Tasking[] }> {
      const priced = deps.requests.getPrice(priceId);
      if (!priced) throw new DeskFailure('NOT_FOUND', 'This price is no longer stored; price the tasking again.');
      if (!sameDraft(priced.draft, d)) throw new DeskFailure('STALE_PRICE', 'The tasking request changed since it was priced; price it again before ordering.');
      const { req } = await requestFor(d);
      return withTasking(deps, d.accountId, async (t, call, r) => {
        const lookup = async () => {
          const found = (await t.taskings(d.contractId, { customerReference: d.customerReference }, call)).value;
          const order = orderFromTaskings(found, priced.price);
          return order ? { order, taskings: found } : null;
        };
        const at = deps.now().toISOString();
        const row = { id: randomUUID(), accountId: d.accountId, provider: r.provider.kind, kind: 'tasking' as const, contractId: d.contractId, customerReference: d.customerReference, sceneIds: [], productTypeId: d.productTypeId, request: req, at };
        const { order } = await deps.submit(row, () => t.order(req, call), lookup);
        // The taskings the order created, best effort: the order is placed whatever this read says.
        const created = await t.taskings(d.contractId, { customerReference: d.customerReference }, call).then((x) => x.value, () => []);
        for (const p of created) deps.taskings.saveTasking(taskingRow(p, d.accountId, d.contractId, deps.now().toISOString()), p, order.id, 'ordered');
        const taskings = created.map((p) => deps.taskings.get(d.accountId, p.id)).filter((x): x is Tasking => !!x);
        return { order, taskings };
      });
    },
  };
}
export type Ordering = ReturnType<typeof createOrdering>;
