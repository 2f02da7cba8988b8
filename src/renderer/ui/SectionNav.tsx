import { Icon } from './icons';
import type { KeyboardEvent } from 'react';

export const SECTIONS = [
  { id: 'archive', label: 'Archive' },
  { id: 'tasking', label: 'Tasking' },
  { id: 'compare', label: 'Compare' },
  { id: 'orders', label: 'Orders' },
  { id: 'mydata', label: 'My data' },
  { id: 'aois', label: 'AOIs' },
  { id: 'accounts', label: 'Accounts' },
] as const;
export type Section = (typeof SECTIONS)[number]['id'];
export const isSection = (id: string): id is Section => SECTIONS.some((s) => s.id === id);

/** Vertical tab list: arrow keys move between sections (WAI-ARIA tabs pattern). */
export function SectionNav(props: { current: Section; onChange: (s: Section) => void }) {
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = SECTIONS.findIndex((s) => s.id === props.current);
    const next = e.key === 'ArrowDown' ? i + 1 : e.key === 'ArrowUp' ? i - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const target = SECTIONS[(next + SECTIONS.length) % SECTIONS.length];
    if (target) {
      props.onChange(target.id);
      document.getElementById(`tab-${target.id}`)?.focus();
    }
  };
  return (
    <div className="section-nav" role="tablist" aria-label="Sections" aria-orientation="vertical" onKeyDown={onKeyDown}>
      {SECTIONS.map((s) => (
        <button
          key={s.id}
          id={`tab-${s.id}`}
          role="tab"
          aria-selected={props.current === s.id}
          tabIndex={props.current === s.id ? 0 : -1}
          className="section-tab"
          title={s.label}
          onClick={() => props.onChange(s.id)}
        >
          <Icon name={s.id} />
          <span className="section-label">{s.label}</span>
        </button>
      ))}
    </div>
  );
}
