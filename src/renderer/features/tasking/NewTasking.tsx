import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Polygon } from 'geojson';
import type { Aoi } from '../../../shared/domain/aoi';
import { projectionCodesOf } from '../../../shared/domain/option-constraints';
import { isAttemptProgType, type TaskingDraft, type TaskingPrice } from '../../../shared/domain/tasking';
import { deadlineProblem } from '../../../shared/domain/tasking-rules';
import { useChannel } from '../../api/useChannel';
import { needsProvider, type OfflineState } from '../../api/useOffline';
import type { TaskingMapPort } from '../../map/taskingPort';
import { ErrorNote } from '../../ui/ErrorNote';
import { formatMoney } from '../../ui/format';
import type { ProductContext } from '../../ui/minimumArea';
import { newCustomerReference } from '../../ui/purchase/customerReference';
import { OptionsForm } from '../../ui/purchase/OptionsForm';
import { PriceBreakdown } from '../../ui/purchase/PriceBreakdown';
import { Step } from '../../ui/Step';
import { AttemptsView } from './AttemptsView';
import { FeasibilityResult } from './FeasibilityResult';
import { OfferPicker } from './OfferPicker';
import { PROG_TYPE_TEXT } from './offers';
import { ParametersForm } from './ParametersForm';
import { buildQuery, buildTaskingDraft, defaultParams, type TaskingOrderValues, type TaskingParams } from './taskingForm';
import { TaskingOrderDialog } from './TaskingOrderDialog';
import { TaskingOrderFields } from './TaskingOrderFields';
import { useAttemptsOnMap } from './useAttemptsOnMap';
import { useNow } from './useNow';
import { useTaskingAsk } from './useTaskingAsk';
import { useTaskingPricing } from './useTaskingPricing';
import type { TaskingSource } from './useTaskingSource';

type StepId = 'offer' | 'parameters' | 'answer' | 'order' | 'price';
const NO_CATALOGUE = { options: [], deliveryTypes: [], primaryMarkets: [], secondaryMarkets: {}, countries: [] };
const freshValues = (): TaskingOrderValues => ({
  choices: {}, deliveryType: '', primaryMarket: '', secondaryMarket: '', country: '', endUserName: '', emails: '', comments: '', customerReference: newCustomerReference(),
});

/** A new tasking: offer and AOI, parameters, feasibility or attempts, options and declaration, price and order. */
export function NewTasking(props: {
  source: TaskingSource;
  map: TaskingMapPort | undefined;
  active: boolean;
  aois: Aoi[];
  activeAoiId: string;
  offline: OfflineState;
  track: <T>(w: Promise<T>) => Promise<T>;
  notify(text: string): void;
  onOrdered(taskingId: string | null): void;
  onProductContext?: (ctx: ProductContext | null) => void;
}) {
  const { source, offline, track, map, active } = props;
  const offer = source.offer;
  const aoi = props.aois.find((a) => a.id === props.activeAoiId);
  const [params, setParams] = useState<TaskingParams>(() => defaultParams(Date.now()));
  const [values, setValues] = useState<TaskingOrderValues>(freshValues);
  const [open, setOpen] = useState<Record<StepId, boolean>>({ offer: true, parameters: true, answer: false, order: false, price: false });
  const toggle = (id: StepId) => (o: boolean) => setOpen((s) => ({ ...s, [id]: o }));
  const patchParams = useCallback((p: Partial<TaskingParams>) => setParams((cur) => ({ ...cur, ...p })), []);
  const patchValues = useCallback((p: Partial<TaskingOrderValues>) => setValues((cur) => ({ ...cur, ...p })), []);

  // Rules and expiries follow a coarse clock (the countdowns tick on their own, every second): the panel
  // re-renders every 15 s, not every second; main checks every deadline again before anything is sent.
  const clock = useNow(15_000);
  const query = useMemo(
    () => buildQuery({ accountId: source.accountId, contractId: source.contractId, offer, offers: source.offerList, aoi }, params, clock),
    [source.accountId, source.contractId, offer, source.offerList, aoi, params, clock],
  );
  const ask = useTaskingAsk(query.query, offer, track, offline);
  const answer = ask.answer;
  const attemptSet = answer?.kind === 'attempts' ? answer.value : null;
  const feasibility = answer?.kind === 'feasibility' ? answer.value : null;
  const link = useAttemptsOnMap(map, active, attemptSet, clock);
  // Attempt ids are unique per answer: a new answer leaves no attempt chosen without a reset.
  const [chosenId, setChosenId] = useState<string | null>(null);

  // The feasibility answer's AOI, styled by its classification, while this view is shown.
  const feasibilityAoi = feasibility ? props.aois.find((a) => a.id === feasibility.query.aoiId) : undefined;
  useEffect(() => {
    if (!map) return;
    map.setFeasibility(
      active && feasibility && feasibilityAoi?.geometry.type === 'Polygon'
        ? { aoi: feasibilityAoi.geometry as unknown as Polygon, classification: feasibility.classification, available: feasibility.available, label: `Feasibility: ${feasibility.classification ?? (feasibility.available ? 'available' : 'not available')}${feasibility.automation ? ` (${feasibility.automation.toLowerCase()})` : ''}` }
        : null,
    );
  }, [map, active, feasibility, feasibilityAoi]);
  useEffect(() => {
    if (map && active && feasibility) map.zoomToTasking();
  }, [map, active, feasibility]);
  useEffect(() => () => {
    map?.setAttempts([]);
    map?.setFeasibility(null);
  }, [map]);

  const { observe, observeError } = offline;
  const hooks = useMemo(() => ({ track, onValue: observe, onError: observeError }), [track, observe, observeError]);
  const catalogue = useChannel('archive.catalogue', source.accountId && source.contractId && offer && aoi ? { accountId: source.accountId, contractId: source.contractId, productTypeId: offer.productTypeId, aoiId: aoi.id } : null, hooks);
  const loaded = catalogue.value?.value ?? NO_CATALOGUE;
  // The offer's projection_N codes join the map's projection list; its minimum feeds the AOI warning.
  const { onProductContext } = props;
  const productContext = useMemo<ProductContext | null>(
    () => (offer ? { productLabel: offer.label, minimumAreaKm2: offer.minimumOrderAreaKm2, projections: projectionCodesOf(loaded.options) } : null),
    [offer, loaded.options],
  );
  useEffect(() => onProductContext?.(productContext), [onProductContext, productContext]);

  const chosen = attemptSet?.attempts.find((a) => a.id === chosenId) ?? null;
  const basis = { attemptId: chosen?.id ?? null, feasibilityId: feasibility && feasibility.available && feasibility.automation !== 'MANUAL' ? feasibility.id : null };
  const outcome = useMemo(
    () => (query.query && offer ? buildTaskingDraft(query.query, offer, basis, params, loaded, values) : null),
    // basis is two ids; listing them keeps the memo exact.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [query.query, offer, basis.attemptId, basis.feasibilityId, params, loaded, values],
  );
  const problems = [...query.problems, ...(outcome?.problems ?? [])];
  if (ask.stale) problems.unshift({ field: 'answer', message: `The parameters changed since the ${feasibility ? 'feasibility answer' : 'attempts'}: ask again.` });
  if (chosen) {
    const late = deadlineProblem(chosen, clock);
    if (late) problems.unshift(late);
  }
  if (feasibility?.automation === 'MANUAL') problems.unshift({ field: 'feasibilityId', message: 'A feasibility study by Airbus’s tasking team is needed: it cannot be priced here.' });
  const draft = problems.length === 0 ? (outcome?.draft ?? null) : null;
  const pricing = useTaskingPricing(draft, track, offline);
  // What the confirmation shows and sends, fixed when it opens.
  const [confirming, setConfirming] = useState<{ draft: TaskingDraft; price: TaskingPrice } | null>(null);
  // The tasking just ordered (null when the provider has not listed it yet): the Taskings tab opens on
  // it once the confirmation is closed, not under the user's eyes while it says what was ordered.
  const [ordered, setOrdered] = useState<{ taskingId: string | null } | null>(null);
  const provider = needsProvider(offline.offline);

  // The price is spent and the reference named this order: the next tasking starts afresh.
  const afterOrder = () => {
    pricing.reset();
    setValues((v) => ({ ...v, customerReference: newCustomerReference() }));
    setChosenId(null);
  };

  const attemptKind = offer ? isAttemptProgType(offer.progType) : true;
  const askLabel = attemptKind ? 'Find attempts' : 'Check feasibility';
  const offerSummary = [offer && `${PROG_TYPE_TEXT[offer.progType].label} · ${offer.label}`, aoi?.name].filter(Boolean).join(' · ');

  return (
    <>
      <Step id="tasking-offer" title="Offer and AOI" open={open.offer} onToggle={toggle('offer')} summary={offerSummary}>
        <OfferPicker source={source} aoi={aoi} />
      </Step>
      <Step id="tasking-parameters" title="Parameters" open={open.parameters} onToggle={toggle('parameters')} disabled={!offer}>
        {offer && <ParametersForm offer={offer} params={params} problems={query.problems} refusal={ask.error} onChange={patchParams} />}
        <button
          className="button primary"
          {...(query.query ? provider : { disabled: true })}
          aria-busy={ask.running}
          onClick={async () => {
            await ask.ask();
            // An attempt is chosen before the order steps open; a feasibility answer leads straight to them.
            setOpen((s) => ({ ...s, offer: false, parameters: false, answer: true, order: s.order || !attemptKind, price: s.price || !attemptKind }));
          }}
        >
          {ask.running ? (attemptKind ? 'Finding attempts…' : 'Checking feasibility…') : askLabel}
        </button>
        {!query.query && query.problems.length > 0 && <p className="hint">{query.problems.find((p) => !['start', 'end', 'maxCloudCover', 'maxIncidenceAngle', 'notificationThreshold'].includes(p.field))?.message ?? 'Correct the fields marked above.'}</p>}
        <ErrorNote error={ask.error} label={attemptKind ? 'Attempts could not be found' : 'Feasibility could not be checked'} />
      </Step>
      <Step
        id="tasking-answer"
        title={attemptSet ? 'Attempts' : feasibility ? 'Feasibility' : attemptKind ? 'Attempts' : 'Feasibility'}
        open={open.answer}
        onToggle={toggle('answer')}
        summary={attemptSet ? `${attemptSet.attempts.length} attempts${chosen ? ', one chosen' : ''}` : feasibility ? `${feasibility.classification ?? (feasibility.available ? 'available' : 'not available')}` : undefined}
      >
        {attemptSet ? (
          <>
            {attemptSet.errors.length > 0 && (
              <ul className="banner banner-error tasking-reasons" role="alert" aria-label="Why no attempt is offered">
                {attemptSet.errors.map((e) => <li key={`${e.code}-${e.message}`}>{e.message}</li>)}
              </ul>
            )}
            {attemptSet.attempts.length > 0 ? (
              <AttemptsView
                set={attemptSet}
                link={link}
                now={clock}
                chosenId={chosenId}
                stale={ask.stale}
                onChoose={(id) => {
                  setChosenId(id);
                  setOpen((s) => ({ ...s, order: true, price: true }));
                }}
              />
            ) : (
              attemptSet.errors.length === 0 && <p className="muted">No acquisition is possible in this period with these angles: widen the period or the incidence angle.</p>
            )}
          </>
        ) : feasibility ? (
          <FeasibilityResult feasibility={feasibility} stale={ask.stale} />
        ) : (
          <p className="muted">{askLabel} from the parameters to see {attemptKind ? 'the acquisitions you can choose from' : 'whether the provider can task it'}.</p>
        )}
      </Step>
      <Step id="tasking-order" title="Options and declaration" open={open.order} onToggle={toggle('order')} disabled={!offer}>
        {catalogue.loading && !catalogue.value && <p className="muted">Loading the product’s options…</p>}
        <ErrorNote error={catalogue.error} label="Options could not be loaded" />
        {outcome && <OptionsForm evaluation={outcome.evaluation} refusal={pricing.refusal} onChange={(name, value) => patchValues({ choices: { ...values.choices, [name]: value } })} />}
        <TaskingOrderFields catalogue={loaded} values={values} deliveryType={outcome?.deliveryType ?? ''} problems={outcome?.problems ?? []} refusal={pricing.refusal} onChange={patchValues} />
      </Step>
      <Step id="tasking-price" title="Price and order" open={open.price} onToggle={toggle('price')} summary={pricing.price ? formatMoney(pricing.price.totalAmount, pricing.price.currency) : undefined}>
        {problems.length > 0 && (
          <ul className="problem-list" aria-label="Before pricing">
            {[...new Set(problems.map((p) => p.message))].map((m) => <li key={m}>{m}</li>)}
          </ul>
        )}
        <button className="button" {...(draft ? provider : { disabled: true })} aria-busy={pricing.running} onClick={pricing.run}>
          {pricing.running ? 'Pricing…' : pricing.price ? 'Price again' : 'Get price'}
        </button>
        <ErrorNote error={pricing.error} label="Pricing failed" />
        {pricing.price && (
          <>
            {pricing.stale && <p className="banner banner-warn" role="status">The tasking changed since it was priced: price it again before ordering.</p>}
            <PriceBreakdown quote={pricing.price} credit={pricing.price.creditRemaining ?? source.contract?.creditRemaining ?? null} />
            <button className="button primary" {...(draft && !pricing.stale ? provider : { disabled: true })} onClick={() => draft && pricing.price && setConfirming({ draft, price: pricing.price })}>
              Order…
            </button>
          </>
        )}
      </Step>
      {confirming && offer && source.contract && (
        <TaskingOrderDialog
          draft={confirming.draft}
          price={confirming.price}
          contract={source.contract}
          offer={offer}
          aoiName={aoi?.name ?? ''}
          attempts={attemptSet?.attempts ?? []}
          feasibility={feasibility}
          track={track}
          onClose={() => {
            setConfirming(null);
            if (ordered) {
              afterOrder();
              props.onOrdered(ordered.taskingId);
            }
            setOrdered(null);
          }}
          onOrdered={(r) => {
            props.notify(`Tasking ordered${r.taskings[0] ? `: ${r.taskings[0].id}` : ''}.`);
            setOrdered({ taskingId: r.taskings[0]?.id ?? null });
          }}
          onFailed={(e) => pricing.failed(confirming.draft, e)}
        />
      )}
    </>
  );
}
