import { describe, expect, it } from 'vitest';
import { groupBy } from '../../src/pipeline/group-by';

describe('groupBy', () => {
  it('keeps keys and items in first-seen order', () => {
    const grouped = groupBy(['b1', 'a1', 'b2', 'c1', 'a2'], (s) => s[0]!);
    expect([...grouped.keys()]).toEqual(['b', 'a', 'c']);
    expect(grouped.get('b')).toEqual(['b1', 'b2']);
    expect(grouped.get('a')).toEqual(['a1', 'a2']);
  });

  it('takes any iterable and non-string keys', () => {
    const grouped = groupBy(new Set([1, 2, 3, 4, 5]), (n) => n % 2 === 0);
    expect(grouped.get(true)).toEqual([2, 4]);
    expect(grouped.get(false)).toEqual([1, 3, 5]);
  });
});
