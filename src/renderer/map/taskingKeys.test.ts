import { describe, expect, it } from 'vitest';
import { hoverReports, keyOf, parseKey } from './taskingKeys';

describe('tasking pointer keys', () => {
  it('round-trips kinds and ids, ids with colons included', () => {
    expect(parseKey(keyOf('attempt', 'a1'))).toEqual({ kind: 'attempt', id: 'a1' });
    expect(parseKey(keyOf('segment', 'DS_PHR1A:2026:x'))).toEqual({ kind: 'segment', id: 'DS_PHR1A:2026:x' });
    expect(parseKey(null)).toBeNull();
    expect(parseKey('scene-1')).toBeNull();
    expect(parseKey('other:1')).toBeNull();
  });

  it('tells the kind left behind null and the kind now hovered its id', () => {
    const a1 = { kind: 'attempt', id: 'a1' } as const;
    const a2 = { kind: 'attempt', id: 'a2' } as const;
    const s1 = { kind: 'segment', id: 's1' } as const;
    expect(hoverReports(null, a1)).toEqual([['attempt', 'a1']]);
    expect(hoverReports(a1, a2)).toEqual([['attempt', 'a2']]);
    expect(hoverReports(a2, s1)).toEqual([
      ['attempt', null],
      ['segment', 's1'],
    ]);
    expect(hoverReports(s1, null)).toEqual([['segment', null]]);
    expect(hoverReports(s1, { kind: 'segment', id: 's1' })).toEqual([]);
    expect(hoverReports(null, null)).toEqual([]);
  });
});
