import { formatProperty } from './format';

/** Every provider property of an item, name then value, sorted by name (scene and delivered product details). */
export function PropertyList(props: { properties: Record<string, unknown>; label: string; className: string; focusable?: boolean }) {
  const entries = Object.entries(props.properties).sort(([a], [b]) => a.localeCompare(b));
  return (
    // A list that scrolls is reachable by keyboard (focusable).
    <dl className={`facts ${props.className}`} aria-label={props.label} tabIndex={props.focusable ? 0 : undefined}>
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt title={k}>{k}</dt>
          <dd title={formatProperty(v)}>{formatProperty(v)}</dd>
        </div>
      ))}
    </dl>
  );
}
