import { describe, expect, it } from 'vitest';
import type { Download } from '../../../shared/domain/deliveries';
import { bytesText, fileStateText, formatBytes, formatDuration, formatRate, latestByFile, overallOf, overallText, percentDone, progressText, reuseUnchanged, statusText } from './downloadText';

const MB = 1024 * 1024;

function download(over: Partial<Download> = {}): Download {
  return {
    id: 'd1',
    accountId: 'a1',
    productId: 'p1',
    fileId: 'f1',
    fileName: 'IMG.tif',
    folder: '/data',
    path: '/data/IMG.tif',
    status: 'running',
    bytesDone: 1.2 * MB,
    bytesTotal: 4 * MB,
    rate: 850 * 1024,
    etaSeconds: 4.2,
    checksum: null,
    error: null,
    createdAt: '2026-12-03T10:00:00.000Z',
    updatedAt: '2026-12-03T10:00:01.000Z',
    finishedAt: null,
    ...over,
  };
}

describe('sizes, rates and times', () => {
  it('reads bytes in the unit that fits, 1024-based', () => {
    expect(formatBytes(850)).toBe('850 B');
    expect(formatBytes(4 * MB)).toBe('4.0 MB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatRate(850 * 1024)).toBe('850 KB/s');
    expect(formatRate(MB)).toBe('1 MB/s');
  });
  it('puts done and total in the total’s unit', () => {
    expect(bytesText(1.2 * MB, 4 * MB)).toBe('1.2 of 4.0 MB');
    expect(bytesText(300 * 1024, 200 * MB)).toBe('0.3 of 200.0 MB');
    expect(bytesText(2 * MB, null)).toBe('2.0 MB so far');
  });
  it('says time left in whole seconds and never 0 s while bytes are left', () => {
    expect(formatDuration(4.2)).toBe('5 s');
    expect(formatDuration(0.1)).toBe('1 s');
    expect(formatDuration(130)).toBe('2 min 10 s');
    expect(formatDuration(3900)).toBe('1 h 05 min');
  });
});

describe('one download in words', () => {
  it('shows bytes, rate and time left while running, bytes alone otherwise', () => {
    expect(progressText(download())).toBe('1.2 of 4.0 MB · 850 KB/s · 5 s left');
    expect(progressText(download({ status: 'paused', rate: null, etaSeconds: null }))).toBe('1.2 of 4.0 MB');
    expect(progressText(download({ status: 'done', bytesDone: 4 * MB }))).toBe('4.0 MB');
  });
  it('says why it paused by itself, and what was checked when done', () => {
    expect(statusText(download({ status: 'paused' }))).toBe('Paused');
    expect(statusText(download({ status: 'paused', error: { code: 'PROVIDER_UNREACHABLE', message: 'The connection was cut at 1.2 MB.' } }))).toBe(
      'Paused — The connection was cut at 1.2 MB.',
    );
    expect(statusText(download({ status: 'done', checksum: { algorithm: 'sha-256', expected: 'x', verified: true } }))).toBe('Done ✓ checksum verified');
    expect(statusText(download({ status: 'done' }))).toBe('Done ✓ size checked (no checksum given)');
    expect(statusText(download({ status: 'failed', error: { code: 'CHECKSUM', message: 'The file does not match its checksum.' } }))).toBe(
      'Failed — The file does not match its checksum.',
    );
  });
  it('gives a percentage only when the size is known', () => {
    expect(percentDone(download())).toBe(30);
    expect(percentDone(download({ bytesTotal: null }))).toBeNull();
    expect(fileStateText(download())).toBe('downloading 30 %');
    expect(fileStateText(download({ status: 'paused' }))).toBe('paused at 30 %');
    expect(fileStateText(undefined)).toBe('not downloaded');
    expect(fileStateText(download({ status: 'cancelled' }))).toBe('not downloaded');
  });
});

describe('overall progress', () => {
  it('sums the downloads under way and paused, not the finished ones', () => {
    const all = [
      download({ id: 'a' }),
      download({ id: 'b', status: 'paused', bytesDone: 2 * MB, rate: null, etaSeconds: null }),
      download({ id: 'c', status: 'done', bytesDone: 4 * MB }),
    ];
    const o = overallOf(all)!;
    expect(o).toMatchObject({ count: 2, bytesDone: 3.2 * MB, bytesTotal: 8 * MB, running: 1, paused: 1 });
    expect(o.etaSeconds).toBeCloseTo((4.8 * MB) / (850 * 1024));
    expect(overallText(o)).toBe('2 files · 3.2 of 8.0 MB · 850 KB/s · 6 s left · 1 paused');
    expect(overallOf([download({ status: 'done' })])).toBeNull();
  });
  it('has no total while one size is unknown', () => {
    expect(overallOf([download(), download({ id: 'x', bytesTotal: null })])!.bytesTotal).toBeNull();
  });
});

describe('latest download per file and stable rows', () => {
  it('keeps the newest download of each file', () => {
    const older = download({ id: 'old', status: 'cancelled', createdAt: '2026-12-03T09:00:00.000Z' });
    const newer = download({ id: 'new' });
    expect(latestByFile([newer, older]).get('p1/f1')?.id).toBe('new');
    expect(latestByFile([older, newer]).get('p1/f1')?.id).toBe('new');
  });
  it('never lets a cancelled retry hide the file already downloaded', () => {
    const done = download({ id: 'done', status: 'done', createdAt: '2026-12-03T09:00:00.000Z' });
    const retry = download({ id: 'retry', status: 'cancelled', createdAt: '2026-12-03T11:00:00.000Z' });
    expect(latestByFile([retry, done]).get('p1/f1')?.id).toBe('done');
    expect(latestByFile([retry]).get('p1/f1')?.id).toBe('retry');
  });
  it('reuses unchanged download objects and the whole list when nothing moved', () => {
    const a = download({ id: 'a' });
    const b = download({ id: 'b', status: 'paused' });
    const prev = [a, b];
    expect(reuseUnchanged(prev, [{ ...a }, { ...b }])).toBe(prev);
    const moved = reuseUnchanged(prev, [{ ...a, bytesDone: a.bytesDone + 1, updatedAt: 'later' }, { ...b }]);
    expect(moved).not.toBe(prev);
    expect(moved[0]).not.toBe(a);
    expect(moved[1]).toBe(b);
  });
});
