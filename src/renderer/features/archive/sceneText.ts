import type { ListedScene } from '../../../shared/domain/archive';
import { formatAngle, formatCoverage, formatDay, formatMetres, formatPercent, formatUtc } from '../../ui/format';

/** The map tooltip: "2024-05-02 PHR1A 3 % cloud". */
export const footprintLabel = (s: ListedScene): string => `${formatDay(s.acquisitionDate)} ${s.satellite || s.constellation} ${formatPercent(s.cloudCover)} cloud`;

/**
 * The same values spelled out, read after the row's visible text (which stays first, as shown, so a
 * speech-input user can say what they see — WCAG 2.5.3).
 */
export const sceneDetails = (s: ListedScene): string =>
  `acquired ${formatUtc(s.acquisitionDate)}, ${s.constellation} ${s.satellite}, cloud ${formatPercent(s.cloudCover)}, incidence ${formatAngle(s.incidenceAngle)}, resolution ${formatMetres(s.resolutionM)}, covers ${formatCoverage(s.aoiCoverage)} of the AOI`;
