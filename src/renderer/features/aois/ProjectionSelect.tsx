import './ProjectionSelect.css';
import { useEffect, useId, useMemo, useState } from 'react';
import type { FormEvent, JSX } from 'react';
import type { ProjectionInfo } from '../../../shared/domain/projection';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { BUILTIN_CODES, BUILTIN_PROJECTIONS, bboxRelation, isBuiltinCode } from '../../map/projections';

export interface ProjectionSelectProps {
  /** EPSG codes of the selected product's `projection_N` options; may be empty. */
  codes: number[];
  /** The provider's own labels for those codes, shown instead of the EPSG registry name. */
  providerLabels?: ReadonlyMap<number, string>;
  /** The map's current EPSG code. */
  value: number;
  onChange: (info: ProjectionInfo) => void;
  /** The active AOI's lon/lat box [w, s, e, n], to warn when it lies outside the area of use. */
  aoiBbox?: [number, number, number, number];
  /** Where definitions come from; the back end (shipped epsg packages) by default. */
  lookup?: (codes: number[]) => Promise<ProjectionInfo[]>;
}

const USER_CODES_KEY = 'imagery-desk.map.userEpsgCodes';

export function loadUserCodes(storage: Pick<Storage, 'getItem'> = localStorage): number[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(USER_CODES_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((c): c is number => Number.isInteger(c) && c > 0 && c <= 999_999) : [];
  } catch {
    return [];
  }
}

function saveUserCodes(codes: number[]): void {
  try {
    localStorage.setItem(USER_CODES_KEY, JSON.stringify(codes));
  } catch {
    // Storage full or disabled: the code still works for this session.
  }
}

/** "2154", " EPSG:2154 ", "epsg 2154" → 2154; anything else → null. */
export function parseEpsgCode(text: string): number | null {
  const match = /^\s*(?:epsg\s*:?\s*)?(\d{1,6})\s*$/i.exec(text);
  const code = match ? Number(match[1]) : NaN;
  return Number.isInteger(code) && code > 0 ? code : null;
}

export function optionLabel(code: number, info: ProjectionInfo | undefined): string {
  if (!info) return `EPSG:${code} — looking up…`;
  const name = info.name && info.name !== `EPSG:${code}` ? ` — ${info.name}` : '';
  return `EPSG:${code}${name}${info.unavailable ? ' (no definition)' : ''}`;
}

/** The warning shown under the select, or null when the AOI is inside the area of use. */
export function areaWarning(info: ProjectionInfo | undefined, aoiBbox: [number, number, number, number] | undefined): string | null {
  if (!info || !aoiBbox || !info.bbox) return null;
  const relation = bboxRelation(aoiBbox, info.bbox);
  if (relation === 'inside') return null;
  const area = info.areaOfUse ? ` (${info.areaOfUse.replace(/\.\s*$/, '')})` : '';
  const verb = relation === 'outside' ? 'lies outside' : 'extends beyond';
  return `The AOI ${verb} the area of use of EPSG:${info.code}${area}; shapes and distances there are distorted.`;
}

const unknownCode = (code: number): ProjectionInfo => ({
  code,
  name: `EPSG:${code}`,
  proj4: null,
  bbox: null,
  areaOfUse: null,
  units: 'other',
  unavailable: `EPSG:${code} is not a code Imagery Desk knows.`,
});

// Definitions do not change while the app runs: one lookup per code per session.
const cache = new Map<number, ProjectionInfo>(BUILTIN_CODES.map((code) => [code, BUILTIN_PROJECTIONS[code]]));
const defaultLookup = (codes: number[]): Promise<ProjectionInfo[]> => call('projections.lookup', { codes });

/**
 * The map projection picker: 3857 and 4326, then the product's codes, then codes the user added
 * (kept in localStorage). Codes without a shipped definition stay visible, disabled, with the reason.
 */
export function ProjectionSelect({ codes, providerLabels, value, onChange, aoiBbox, lookup = defaultLookup }: ProjectionSelectProps): JSX.Element {
  const selectId = useId();
  const notesId = useId();
  const [userCodes, setUserCodes] = useState<number[]>(() => loadUserCodes());
  const [infos, setInfos] = useState<ReadonlyMap<number, ProjectionInfo>>(() => new Map(cache));
  const [lookupError, setLookupError] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [addMessage, setAddMessage] = useState<string | null>(null);

  const productCodes = useMemo(() => [...new Set(codes)].filter((c) => !isBuiltinCode(c)), [codes]);
  const addedCodes = useMemo(() => userCodes.filter((c) => !isBuiltinCode(c) && !productCodes.includes(c)), [userCodes, productCodes]);
  const missing = useMemo(
    () => [...productCodes, ...addedCodes, value].filter((c, i, all) => !infos.has(c) && all.indexOf(c) === i),
    [productCodes, addedCodes, value, infos],
  );

  useEffect(() => {
    if (missing.length === 0) return;
    let cancelled = false;
    lookup(missing).then(
      (found) => {
        for (const info of found) cache.set(info.code, info);
        // A code the back end did not answer for is settled too, or it would be asked for forever.
        for (const code of missing) if (!cache.has(code)) cache.set(code, unknownCode(code));
        if (!cancelled) {
          setLookupError(null);
          setInfos(new Map(cache));
        }
      },
      (error: unknown) => {
        if (!cancelled) setLookupError(`Projection definitions could not be read: ${messageOf(error)}`);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [missing, lookup]);

  const selected = infos.get(value);
  const unavailable = [...productCodes, ...addedCodes].map((c) => infos.get(c)).filter((i): i is ProjectionInfo => Boolean(i?.unavailable));
  const warning = areaWarning(selected, aoiBbox);
  const orphan = !isBuiltinCode(value) && !productCodes.includes(value) && !addedCodes.includes(value);

  const renderOption = (code: number): JSX.Element => {
    const info = infos.get(code);
    return (
      <option key={code} value={code} disabled={!info || Boolean(info.unavailable)} title={info?.unavailable ?? info?.areaOfUse ?? undefined}>
        {providerLabels?.has(code) ? `${providerLabels.get(code)} (EPSG:${code})${info?.unavailable ? ' (no definition)' : ''}` : optionLabel(code, info)}
      </option>
    );
  };

  const add = (event: FormEvent): void => {
    event.preventDefault();
    const code = parseEpsgCode(draft);
    if (code === null) {
      setAddMessage('Type an EPSG code: a whole number such as 32631.');
      return;
    }
    if (isBuiltinCode(code) || productCodes.includes(code) || addedCodes.includes(code)) {
      setAddMessage(`EPSG:${code} is already in the list.`);
      return;
    }
    const next = [...userCodes, code];
    setUserCodes(next);
    saveUserCodes(next);
    setDraft('');
    setAddMessage(null);
    // Adding a code means wanting to use it: switch to it as soon as its definition is known.
    lookup([code]).then(
      ([info]) => {
        if (!info) return;
        cache.set(code, info);
        setInfos(new Map(cache));
        if (info.unavailable) setAddMessage(`EPSG:${code} was added but cannot be used: ${info.unavailable}`);
        else onChange(info);
      },
      () => setAddMessage(`EPSG:${code} was added; its definition could not be read yet.`),
    );
  };

  const remove = (code: number): void => {
    const next = userCodes.filter((c) => c !== code);
    setUserCodes(next);
    saveUserCodes(next);
    if (code === value) onChange(BUILTIN_PROJECTIONS[3857]);
  };

  return (
    <div className="idp">
      <label htmlFor={selectId} className="idp-label">
        Map projection
      </label>
      <select
        id={selectId}
        className="idp-select"
        value={value}
        aria-describedby={unavailable.length > 0 || lookupError ? notesId : undefined}
        onChange={(event) => {
          const info = infos.get(Number(event.target.value));
          if (info && !info.unavailable) onChange(info);
        }}
      >
        <optgroup label="Standard">{BUILTIN_CODES.map(renderOption)}</optgroup>
        {productCodes.length > 0 ? <optgroup label="Product projections">{productCodes.map(renderOption)}</optgroup> : null}
        {addedCodes.length > 0 ? <optgroup label="Added by you">{addedCodes.map(renderOption)}</optgroup> : null}
        {orphan ? <optgroup label="Current">{renderOption(value)}</optgroup> : null}
      </select>
      {unavailable.length > 0 || lookupError ? (
        <ul id={notesId} className="idp-notes">
          {lookupError ? <li>{lookupError}</li> : null}
          {unavailable.map((info) => (
            <li key={info.code}>
              EPSG:{info.code} is listed but disabled: {info.unavailable}
            </li>
          ))}
        </ul>
      ) : null}
      {warning ? (
        <p className="idp-warning" role="status">
          {warning}
        </p>
      ) : null}
      <form className="idp-add" onSubmit={add}>
        <input
          className="idp-add-input"
          aria-label="Add EPSG code"
          placeholder="EPSG code, e.g. 32631"
          inputMode="numeric"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" className="button">
          Add
        </button>
        {addedCodes.includes(value) ? (
          <button type="button" className="button" onClick={() => remove(value)}>
            Remove EPSG:{value}
          </button>
        ) : null}
      </form>
      {addMessage ? (
        <p className="idp-message" role="status">
          {addMessage}
        </p>
      ) : null}
    </div>
  );
}
