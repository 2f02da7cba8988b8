import type { ListedScene } from '../../../shared/domain/archive';
import { formatAngle, formatCoverage, formatDay, formatMetres, formatPercent, formatUtc } from '../../ui/format';

/** The map tooltip: "2024-05-02 PHR1A 3 % cloud". */
export const footprintLabel = (s: ListedScene): string => `${formatDay(s.acquisitionDate)} ${s.satellite || s.constellation} ${formatPercent(s.cloudCover)} cloud`;

/** What a screen reader hears for one result row (the visible row is a dense grid of the same). */
export const sceneSummary = (s: ListedScene): string =>
  `${formatUtc(s.acquisitionDate)}, ${s.constellation} ${s.satellite}, cloud ${formatPercent(s.cloudCover)}, incidence ${formatAngle(s.incidenceAngle)}, resolution ${formatMetres(s.resolutionM)}, covers ${formatCoverage(s.aoiCoverage)} of the AOI`;
