import { SECTIONS, type Section } from './SectionNav';

const NEXT: Record<Exclude<Section, 'accounts'>, string> = {
  archive: 'Search the OneAtlas and GeoAPI archives over an AOI, compare scenes, price and order them.',
  tasking: 'Check feasibility, pick acquisition attempts and order new images from OneAtlas and Origen.',
  orders: 'Follow archive orders, quotations and taskings until delivery, online or offline.',
  aois: 'Draw, import, repair and export areas of interest in any projection a product offers.',
};

export function Placeholder({ section }: { section: Exclude<Section, 'accounts'> }) {
  const label = SECTIONS.find((s) => s.id === section)?.label ?? section;
  return (
    <section className="panel" aria-labelledby="placeholder-title">
      <header className="panel-header">
        <h2 id="placeholder-title">{label}</h2>
      </header>
      <div className="panel-body">
        <p className="muted">Not built yet.</p>
        <p>{NEXT[section]}</p>
      </div>
    </section>
  );
}
