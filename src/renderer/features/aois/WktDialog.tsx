import { useId, useState } from 'react';
import { checkAoiGeometry } from '../../../shared/geo/validate';
import { parseWkt } from '../../../shared/geo/wkt';
import { messageOf } from '../../api/errors';
import { Modal } from '../../ui/Modal';

/** Paste a WKT polygon: checked as you confirm, with the place of any error. */
export function WktDialog(props: { onClose: () => void; onCreate: (name: string, geometry: unknown) => Promise<void> }) {
  const [text, setText] = useState('');
  const [name, setName] = useState('Pasted AOI');
  const [error, setError] = useState<string>();
  const id = useId();

  const submit = async () => {
    try {
      const geometry = parseWkt(text);
      const check = checkAoiGeometry(geometry);
      if (!check.ok) {
        setError(check.problems.map((p) => `${p.message}${p.path ? ` (${p.path})` : ''}`).join('; '));
        return;
      }
      await props.onCreate(name.trim() || 'Pasted AOI', geometry);
    } catch (err) {
      // A WktParseError's message already says where the text went wrong.
      setError(messageOf(err));
    }
  };

  return (
    <Modal
      wide
      title="Paste WKT"
      onClose={props.onClose}
      actions={
        <>
          <button className="button" onClick={props.onClose}>Cancel</button>
          <button className="button primary" onClick={submit} disabled={!text.trim()}>Create AOI</button>
        </>
      }
    >
      <div className="form">
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-wkt`}>WKT (POLYGON or MULTIPOLYGON, longitude latitude in EPSG:4326)</label>
          <textarea id={`${id}-wkt`} className="mono" rows={6} value={text} placeholder="POLYGON((2.25 48.81, 2.42 48.81, 2.42 48.90, 2.25 48.90, 2.25 48.81))" onChange={(e) => { setText(e.target.value); setError(undefined); }} />
        </div>
        {error && <p className="banner banner-error" role="alert">{error}</p>}
      </div>
    </Modal>
  );
}
