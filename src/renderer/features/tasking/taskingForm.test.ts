import { describe, expect, it } from 'vitest';
import type { Aoi } from '../../../shared/domain/aoi';
import type { ProductCatalogue } from '../../../shared/domain/archive';
import type { TaskingProductType } from '../../../shared/domain/tasking';
import { buildQuery, buildTaskingDraft, defaultParams, splitEmails, type TaskingOrderValues } from './taskingForm';
import { fromLocalInput, toLocalInput } from '../../ui/localTime';

const NOW = Date.parse('2026-12-03T10:20:00Z');
const offer = (progType: TaskingProductType['progType'], mission = 'PLEIADES', min: number | null = 100): TaskingProductType => ({
  productTypeId: `${mission}-${progType}`, label: `${mission} ${progType}`, mission, progType, minimumOrderAreaKm2: min, resolutionM: 0.5,
});
const box = (w: number): Aoi['geometry'] => ({ type: 'Polygon', coordinates: [[[1, 43], [1 + w, 43], [1 + w, 43 + w], [1, 43 + w], [1, 43]]] });
const aoi = (areaKm2: number, geometry = box(0.1)): Aoi => ({ id: 'aoi-1', name: 'Toulouse', geometry, areaKm2, vertexCount: 4, createdAt: '', updatedAt: '' });
const ctx = (o: TaskingProductType, a: Aoi | undefined = aoi(132), offers = [o]) => ({ accountId: 'acc', contractId: 'ctr', offer: o, offers, aoi: a });
const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('tasking parameters', () => {
  it('round-trips datetime-local text through ISO in the user’s zone', () => {
    expect(fromLocalInput(toLocalInput(NOW))).toBe(new Date(NOW).toISOString());
    expect(fromLocalInput('yesterday')).toBeNull();
  });

  it('defaults to a future start and builds a OneDay query with an open or given end', () => {
    const p = defaultParams(NOW);
    const q = buildQuery(ctx(offer('ONEDAY')), p, NOW);
    expect(q.problems).toEqual([]);
    expect(Date.parse(q.query!.start)).toBeGreaterThan(NOW);
    expect(q.query).toMatchObject({ productTypeId: 'PLEIADES-ONEDAY', aoiId: 'aoi-1', maxCloudCover: 20, maxIncidenceAngle: 30 });
    expect(buildQuery(ctx(offer('ONEDAY')), { ...p, end: '' }, NOW).query!.end).toBeNull();
    expect(buildQuery(ctx(offer('ONENOW')), p, NOW).query!.end).toBeNull(); // OneNow takes a start only
  });

  it('refuses a period in the past or reversed, and cloud cover outside 0–100, each with its field', () => {
    const p = defaultParams(NOW);
    const past = buildQuery(ctx(offer('ONEPLAN')), { ...p, start: toLocalInput(NOW - 40 * 86_400_000), end: toLocalInput(NOW - 30 * 86_400_000) }, NOW);
    expect(past.query).toBeNull();
    expect(past.problems).toEqual([{ field: 'end', message: expect.stringContaining('which is past') }]);
    const reversed = buildQuery(ctx(offer('ONEPLAN')), { ...p, end: toLocalInput(NOW + 3_600_000) , start: toLocalInput(NOW + 86_400_000) }, NOW);
    expect(reversed.problems[0]).toMatchObject({ field: 'end', message: expect.stringContaining('before it starts') });
    expect(fields(buildQuery(ctx(offer('ONEPLAN')), { ...p, end: '' }, NOW).problems)).toEqual(['end']);
    const cloudy = buildQuery(ctx(offer('ONEDAY')), { ...p, maxCloudCover: '120', maxIncidenceAngle: '' }, NOW);
    expect(fields(cloudy.problems)).toEqual(['maxCloudCover', 'maxIncidenceAngle']);
    expect(buildQuery(ctx(offer('ONEPLAN')), { ...p, notificationThreshold: '10' }, NOW).problems[0]!.message).toContain('between the cloud cover accepted (20 %) and 100 %');
  });

  it('refuses an AOI below a OneDay minimum, naming an offer it fits, but not for OnePlan', () => {
    const p = defaultParams(NOW);
    const spot = offer('ONEDAY', 'SPOT', 20);
    const small = buildQuery(ctx(offer('ONEDAY'), aoi(24.5), [offer('ONEDAY'), spot]), p, NOW);
    expect(small.problems).toEqual([{ field: 'aoiId', message: 'The AOI is 24.5 km², this product needs 100 km²: enlarge it or choose SPOT.' }]);
    expect(buildQuery(ctx(offer('ONEPLAN'), aoi(24.5)), p, NOW).problems).toEqual([]);
  });

  it('refuses multi-part AOIs and more than 999 vertices', () => {
    const ring = Array.from({ length: 1200 }, (_, i) => [1 + Math.cos(i / 191), 43 + Math.sin(i / 191)]);
    const jagged = aoi(500, { type: 'Polygon', coordinates: [[...ring, ring[0]!]] });
    expect(buildQuery(ctx(offer('ONEDAY'), jagged), defaultParams(NOW), NOW).problems[0]!.message).toContain('1201 vertices; a tasking AOI may have at most 999');
    const multi = aoi(500, { type: 'MultiPolygon', coordinates: [box(0.1).coordinates, box(0.2).coordinates] });
    expect(buildQuery(ctx(offer('ONEDAY'), multi), defaultParams(NOW), NOW).problems[0]!.message).toContain('2 separate parts');
  });
});

const CATALOGUE: ProductCatalogue = {
  options: [],
  deliveryTypes: [{ value: 'workspace', label: 'Workspace' }],
  primaryMarkets: [{ value: 'NQUAL', label: 'Not qualified' }, { value: 'DEFENCE', label: 'Defence' }],
  secondaryMarkets: { DEFENCE: [{ value: 'INTEL', label: 'Intelligence' }] },
  countries: [{ value: 'FR', label: 'France' }],
};
const values = (patch: Partial<TaskingOrderValues> = {}): TaskingOrderValues => ({
  choices: {}, deliveryType: '', primaryMarket: 'NQUAL', secondaryMarket: '', country: 'FR', endUserName: ' Desk ', emails: 'a@example.com, b@example.com', comments: '', customerReference: 'desk-ref', ...patch,
});

describe('tasking draft', () => {
  const p = defaultParams(NOW);
  it('builds a OneDay draft from the chosen attempt with the declarations', () => {
    const q = buildQuery(ctx(offer('ONEDAY')), p, NOW).query!;
    const out = buildTaskingDraft(q, offer('ONEDAY'), { attemptId: 'att-1', feasibilityId: null }, p, CATALOGUE, values());
    expect(out.problems).toEqual([]);
    expect(out.draft).toMatchObject({ attemptId: 'att-1', feasibilityId: null, period: null, deliveryType: 'workspace', notificationEmails: ['a@example.com', 'b@example.com'], endUserName: 'Desk', comments: null, notificationThreshold: null });
  });

  it('builds a OnePlan draft with its period and threshold from the feasibility answer', () => {
    const params = { ...p, notificationThreshold: '40' };
    const q = buildQuery(ctx(offer('ONEPLAN')), params, NOW).query!;
    const out = buildTaskingDraft(q, offer('ONEPLAN'), { attemptId: null, feasibilityId: 'f-1' }, params, CATALOGUE, values());
    expect(out.draft).toMatchObject({ feasibilityId: 'f-1', attemptId: null, period: { start: q.start, end: q.end }, notificationThreshold: 40 });
  });

  it('names every missing declaration and never guesses a market', () => {
    const q = buildQuery(ctx(offer('ONEDAY')), p, NOW).query!;
    const out = buildTaskingDraft(q, offer('ONEDAY'), { attemptId: null, feasibilityId: null }, p, CATALOGUE, values({ primaryMarket: '', emails: 'not-mail', country: '', customerReference: ' ' }));
    expect(out.draft).toBeNull();
    expect(fields(out.problems)).toEqual(['attemptId', 'primaryMarket', 'notificationEmails', 'country', 'customerReference']);
    const defence = buildTaskingDraft(q, offer('ONEDAY'), { attemptId: 'a', feasibilityId: null }, p, CATALOGUE, values({ primaryMarket: 'DEFENCE' }));
    expect(fields(defence.problems)).toEqual(['secondaryMarket']);
    expect(splitEmails(' a@x.fr;b@y.fr  c@z.fr,')).toEqual(['a@x.fr', 'b@y.fr', 'c@z.fr']);
  });
});
