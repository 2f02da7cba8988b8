import type { ProgType, TaskingProductType } from '../../../shared/domain/tasking';

/** What each programming type buys, in one line (the One Tasking guide's four offers, in our words). */
export const PROG_TYPE_TEXT: Record<ProgType, { label: string; line: string }> = {
  ONEDAY: { label: 'OneDay', line: 'One acquisition on the day you choose among the accesses offered, whatever the weather.' },
  ONENOW: { label: 'OneNow', line: 'Up to 3 acquisitions as soon as possible from a start, until one is clear.' },
  ONEPLAN: { label: 'OnePlan', line: 'Qualified coverage of the AOI within a period you set.' },
  ONESERIES: { label: 'OneSeries', line: 'Repeated coverage of the same AOI at the frequency you choose.' },
};

const MISSION_LABELS: Record<string, string> = { PLEIADES: 'Pléiades', SPOT: 'SPOT', PLEIADESNEO: 'Pléiades Neo' };
export const missionLabel = (mission: string): string => MISSION_LABELS[mission] ?? mission;

const PROG_ORDER: ProgType[] = ['ONEDAY', 'ONENOW', 'ONEPLAN', 'ONESERIES'];
const MISSION_ORDER = ['PLEIADESNEO', 'PLEIADES', 'SPOT'];
const rank = (list: string[], v: string) => (list.includes(v) ? list.indexOf(v) : list.length);

export interface OfferGroup {
  progType: ProgType;
  label: string;
  line: string;
  offers: TaskingProductType[];
}

/** Offers grouped by programming type (explained once), each group's sensors finest first. */
export function groupOffers(offers: TaskingProductType[]): OfferGroup[] {
  return PROG_ORDER.map((progType) => ({
    progType,
    ...PROG_TYPE_TEXT[progType],
    offers: offers
      .filter((o) => o.progType === progType)
      .sort((x, y) => rank(MISSION_ORDER, x.mission) - rank(MISSION_ORDER, y.mission) || x.label.localeCompare(y.label)),
  })).filter((g) => g.offers.length > 0);
}

/** How the AOI's area meets the offer's minimum, said before any request; null when there is nothing to say. */
export function minimumAreaNote(aoiKm2: number, offer: TaskingProductType): { tone: 'ok' | 'warn' | 'error'; text: string } | null {
  const min = offer.minimumOrderAreaKm2;
  if (min === null) return null;
  const area = `${(Math.round(aoiKm2 * 10) / 10).toString()} km²`;
  if (aoiKm2 >= min) return { tone: 'ok', text: `The AOI (${area}) meets the ${min} km² minimum.` };
  if (offer.progType === 'ONEPLAN' || offer.progType === 'ONESERIES') {
    return { tone: 'warn', text: `The AOI is ${area}, below the ${min} km² minimum: it will be priced as ${min} km².` };
  }
  return { tone: 'error', text: `The AOI is ${area}, below the ${min} km² this offer needs: attempts will be refused. Enlarge it or choose another offer.` };
}
