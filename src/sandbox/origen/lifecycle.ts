import { unit } from '../tasking/det';
import type { ProgrammingRequest } from './programming';

/**
 * How a programming order moves: pending → acquisition analysis → imaging pending → delivered, or
 * failed (at analysis when no satellite has capacity, or after imaging when the image is unusable).
 * Every date is fixed when the order is created, from the seed and the order number, so the status is
 * a pure function of the simulated clock and a given seed always replays the same story.
 */

export type ProgrammingStatus = 'pending' | 'acquisition_analysis' | 'imaging_pending' | 'delivered' | 'failed';

export const STATUS_NAMES: Record<ProgrammingStatus, string> = {
  pending: 'Pending',
  acquisition_analysis: 'Acquisition analysis',
  imaging_pending: 'Imaging pending',
  delivered: 'Delivered',
  failed: 'Failed',
};

const HOUR = 3_600_000;
/** Share of orders that fail; half of them at analysis, half after imaging. */
const FAILURE_RATE = 0.2;

export interface Timeline {
  steps: { status: ProgrammingStatus; at: Date }[];
  failReason: string | null;
  imagingAt: Date | null;
}

export function timelineOf(seed: number, orderNo: string, req: ProgrammingRequest, createdAt: Date): Timeline {
  const t0 = createdAt.getTime();
  const analysisAt = t0 + HOUR;
  const analysedAt = t0 + 4 * HOUR;
  const steps: Timeline['steps'] = [
    { status: 'pending', at: new Date(t0) },
    { status: 'acquisition_analysis', at: new Date(analysisAt) },
  ];
  const fails = unit(seed, orderNo, 'fate') < FAILURE_RATE;
  const atAnalysis = fails && unit(seed, orderNo, 'stage') < 0.5;
  if (atAnalysis) {
    steps.push({ status: 'failed', at: new Date(analysedAt) });
    return { steps, failReason: 'Satellite not available: no imaging capacity over the area in the requested window', imagingAt: null };
  }
  steps.push({ status: 'imaging_pending', at: new Date(analysedAt) });
  // Imaging happens somewhere in the window, never before the analysis is over.
  const from = Math.max(req.start.getTime(), analysedAt);
  const to = Math.max(from, req.end.getTime());
  const imagingAt = from + (0.1 + 0.5 * unit(seed, orderNo, 'imaging')) * (to - from);
  if (fails) {
    steps.push({ status: 'failed', at: new Date(imagingAt + 6 * HOUR) });
    const reason = req.provider === 'changguang' ? `Cloud cover above the requested maximum${req.maxCloud === null ? '' : ` (${req.maxCloud}%)`}` : 'Imaging failed: downlink not received';
    return { steps, failReason: reason, imagingAt: new Date(imagingAt) };
  }
  steps.push({ status: 'delivered', at: new Date(imagingAt + 12 * HOUR) });
  return { steps, failReason: null, imagingAt: new Date(imagingAt) };
}

/** The steps reached by `now`; the last one is the current status. */
export function stepsAt(t: Timeline, now: Date) {
  return t.steps.filter((s) => s.at <= now);
}

export function statusAt(t: Timeline, now: Date): ProgrammingStatus {
  return stepsAt(t, now).at(-1)?.status ?? 'pending';
}
