import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { checkTileTemplate, OSM_PRESET, wmtsKvpTemplate } from '../../../shared/domain/basemaps';
import type { BasemapAdd } from './useBasemaps';

type Kind = 'xyz' | 'wmts' | 'file';

/** The request for the form's fields, or the message to show instead. */
function requestOf(kind: Kind, f: Record<string, string>): BasemapAdd | string {
  const name = f['name']?.trim() ?? '';
  if (kind === 'file') return f['path']?.trim() ? { kind, path: f['path'].trim(), ...(name ? { name } : {}) } : 'Give the path of an MBTiles or PMTiles file.';
  if (!name) return 'Give the basemap a name.';
  const attribution = f['attribution']?.trim() ?? '';
  if (kind === 'xyz') {
    const check = checkTileTemplate(f['template']?.trim() ?? '');
    return check.ok ? { kind, name, template: f['template']!.trim(), attribution } : check.message;
  }
  if (!f['layer']?.trim() || !f['matrixSet']?.trim()) return 'WMTS needs a layer and a tile matrix set.';
  const check = checkTileTemplate(wmtsKvpTemplate(f['url']?.trim() ?? '', f['layer'], f['matrixSet']));
  return check.ok ? { kind, name, url: f['url']!.trim(), layer: f['layer'].trim(), matrixSet: f['matrixSet'].trim(), attribution } : check.message;
}

const FIELDS: Record<Kind, [string, string, string][]> = {
  xyz: [
    ['name', 'Name', 'My tiles'],
    ['template', 'Tile URL', 'https://tiles.example.com/{z}/{x}/{y}.png'],
    ['attribution', 'Attribution', '© …'],
  ],
  wmts: [
    ['name', 'Name', 'My WMTS'],
    ['url', 'WMTS URL', 'https://wmts.example.com/wmts'],
    ['layer', 'Layer', 'ORTHO'],
    ['matrixSet', 'Tile matrix set', 'GoogleMapsCompatible'],
    ['attribution', 'Attribution', '© …'],
  ],
  file: [
    ['path', 'File path', '/data/basemaps/region.mbtiles'],
    ['name', 'Name (optional)', ''],
  ],
};

/**
 * Adds a basemap: OpenStreetMap in one click, any XYZ template, a WMTS (KVP) service, or a local
 * MBTiles/PMTiles file by path (browser mode has no file dialog that reveals a path; main reads the
 * file). Online ones are checked here as main will check them, so mistakes show before the reload.
 */
export function AddBasemapForm(props: { busy: boolean; hasOsm: boolean; onAdd: (request: BasemapAdd) => Promise<boolean> }) {
  const id = useId();
  const [kind, setKind] = useState<Kind>('xyz');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const request = requestOf(kind, fields);
    if (typeof request === 'string') return setProblem(request);
    setProblem(null);
    void props.onAdd(request).then((ok) => ok && setFields({}));
  };

  return (
    <div className="layers-add">
      {!props.hasOsm && (
        <button
          type="button"
          className="button"
          disabled={props.busy}
          onClick={() => void props.onAdd({ kind: 'xyz', name: OSM_PRESET.name, template: OSM_PRESET.template, attribution: OSM_PRESET.attribution, maxZoom: OSM_PRESET.maxZoom })}
        >
          Add OpenStreetMap (online)
        </button>
      )}
      <form aria-label="Add a basemap" onSubmit={submit}>
        <label htmlFor={`${id}-kind`}>Source type</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          <option value="xyz">XYZ tile URL</option>
          <option value="wmts">WMTS (KVP)</option>
          <option value="file">Local file (MBTiles, PMTiles)</option>
        </select>
        {FIELDS[kind].map(([key, label, placeholder]) => (
          <div key={key} className="layers-add__field">
            <label htmlFor={`${id}-${key}`}>{label}</label>
            <input
              id={`${id}-${key}`}
              value={fields[key] ?? ''}
              placeholder={placeholder}
              spellCheck={false}
              onChange={(e) => setFields((f) => ({ ...f, [key]: e.target.value }))}
            />
          </div>
        ))}
        {kind !== 'file' && <p className="layers-note">Adding an online basemap reloads the app so that its tile server is allowed.</p>}
        {problem && (
          <p className="layers-problem" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="button primary" disabled={props.busy}>
          Add basemap
        </button>
      </form>
    </div>
  );
}
