import type { ArchiveProviderKind } from '../../../shared/domain/providers';
import { useState, type FormEvent } from 'react';
import type { SearchParams } from '../../../shared/domain/archive';
import type { ShownError } from '../../api/errors';
import { useChannel } from '../../api/useChannel';
import { needsProvider, type OfflineInfo } from '../../api/useOffline';
import { ErrorNote } from '../../ui/ErrorNote';
import { formatKm2 } from '../../ui/format';
import { CONSTELLATIONS, PAGE_SIZES, SORTS, defaultSearchForm, toSearchParams, type SearchFormErrors, type SearchFormValues } from './searchParams';

/** Options the AOI picker lists at most; a filter by name finds the others (a file can bring 25,000). */
const AOI_OPTIONS = 100;

/** AOI, dates, cloud, angle, constellations, sort and page size; submits page 1 of a new search. */
export function SearchForm(props: {
  accountId: string;
  provider: ArchiveProviderKind | undefined;
  contractId: string | null;
  activeAoiId: string;
  offline: OfflineInfo | null;
  running: boolean;
  error: ShownError | null;
  onSearch(params: SearchParams): void;
}) {
  const [values, setValues] = useState<SearchFormValues>(() => defaultSearchForm());
  const [errors, setErrors] = useState<SearchFormErrors>({});
  const [aoiFilter, setAoiFilter] = useState('');
  // The filter runs in main: only the matching page of names crosses, never every AOI.
  const found = useChannel('aois.page', { text: aoiFilter.trim() || undefined, offset: 0, limit: AOI_OPTIONS });
  const active = useChannel('aois.get', props.activeAoiId ? { id: props.activeAoiId } : null).value;
  // The chosen AOI stays an option whatever the filter shows.
  const chosen = useChannel('aois.get', values.aoiId ? { id: values.aoiId } : null).value;
  const listed = found.value?.items ?? [];
  const more = (found.value?.total ?? 0) - listed.length;
  const aoiOptions = chosen && !listed.some((a) => a.id === chosen.id) ? [chosen, ...listed] : listed;
  const offerFilter = aoiFilter !== '' || more > 0;
  const set = <K extends keyof SearchFormValues>(key: K, value: SearchFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const gate = needsProvider(props.offline, !props.accountId ? 'Choose an account first.' : undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = toSearchParams(values, { accountId: props.accountId, contractId: props.contractId, activeAoiId: props.activeAoiId });
    setErrors(r.errors ?? {});
    if (r.params) props.onSearch(r.params);
  };
  const fieldError = (key: keyof SearchFormValues) =>
    errors[key] ? (
      <span className="field-error" id={`search-${key}-error`} role="alert">
        {errors[key]}
      </span>
    ) : null;
  const described = (key: keyof SearchFormValues) => (errors[key] ? { 'aria-invalid': true, 'aria-describedby': `search-${key}-error` } : {});

  return (
    <form className="form archive-search" aria-label="Archive search" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="search-aoi">AOI</label>
        {offerFilter && (
          <input
            type="search"
            className="archive-search__aoi-filter"
            aria-label="Find AOI by name"
            placeholder={`Find among ${(found.value?.total ?? 0).toLocaleString('en')}${aoiFilter ? ' matching' : ''} AOIs by name`}
            value={aoiFilter}
            onChange={(e) => setAoiFilter(e.target.value)}
          />
        )}
        <select id="search-aoi" value={values.aoiId} onChange={(e) => set('aoiId', e.target.value)} {...described('aoiId')}>
          <option value="">{active ? `Active AOI — ${active.name} (${formatKm2(active.areaKm2)})` : 'Active AOI (none)'}</option>
          {aoiOptions.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} ({formatKm2(a.areaKm2)})
            </option>
          ))}
          {more > 0 && (
            <option disabled value="more">
              … {more.toLocaleString('en')} more{aoiFilter.trim() ? ' matching' : ''}: type in Find AOI to narrow
            </option>
          )}
        </select>
        {aoiFilter.trim() !== '' && found.value?.total === 0 && <span className="hint">No AOI name contains “{aoiFilter.trim()}”.</span>}
        {fieldError('aoiId')}
      </div>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="search-from">From</label>
          <input id="search-from" type="date" value={values.from} onChange={(e) => set('from', e.target.value)} {...described('from')} />
          {fieldError('from')}
        </div>
        <div className="field">
          <label htmlFor="search-to">To</label>
          <input id="search-to" type="date" value={values.to} onChange={(e) => set('to', e.target.value)} {...described('to')} />
          {fieldError('to')}
        </div>
        <div className="field">
          <label htmlFor="search-cloud">Max cloud cover (%)</label>
          <input id="search-cloud" type="number" min={0} max={100} step={1} value={values.maxCloudCover} onChange={(e) => set('maxCloudCover', e.target.value)} {...described('maxCloudCover')} />
          {fieldError('maxCloudCover')}
        </div>
        <div className="field">
          <label htmlFor="search-angle">Max incidence angle (°)</label>
          <input id="search-angle" type="number" min={0} max={90} step={1} value={values.maxIncidenceAngle} onChange={(e) => set('maxIncidenceAngle', e.target.value)} {...described('maxIncidenceAngle')} />
          {fieldError('maxIncidenceAngle')}
        </div>
      </div>
      <fieldset className="fieldset archive-constellations">
        <legend>Constellations (none ticked = all)</legend>
        {CONSTELLATIONS[props.provider ?? 'oneatlas'].map((c) => (
          <label key={c.value} className="checkbox">
            <input
              type="checkbox"
              checked={values.constellations.includes(c.value)}
              onChange={(e) => set('constellations', e.target.checked ? [...values.constellations, c.value] : values.constellations.filter((v) => v !== c.value))}
            />
            {c.label}
          </label>
        ))}
      </fieldset>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="search-sort">Sort</label>
          <select id="search-sort" value={values.sort} onChange={(e) => set('sort', e.target.value as SearchParams['sort'])}>
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="search-page-size">Page size</label>
          <select id="search-page-size" value={values.pageSize} onChange={(e) => set('pageSize', e.target.value)} {...described('pageSize')}>
            {PAGE_SIZES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
          {fieldError('pageSize')}
        </div>
      </div>
      <ErrorNote error={props.error} label="Search failed" />
      <div className="form-actions">
        <button type="submit" className="button primary" {...gate} disabled={gate.disabled || props.running} aria-busy={props.running}>
          {props.running ? 'Searching…' : 'Search archive'}
        </button>
      </div>
    </form>
  );
}
