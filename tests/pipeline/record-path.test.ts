import { describe, expect, it } from 'vitest';
import { closestIds } from '../../src/pipeline/closest-ids';
import { assignPaths, encodePathForUrl, idToPath, pathToId } from '../../src/pipeline/record-path';

describe('idToPath / pathToId', () => {
  it.each([
    ['workflow:schema-migration', 'workflow/schema-migration'],
    ['model:claude-opus-4-7@current', 'model/claude-opus-4-7@current'],
    ['agentVersion:amp:0-0-1', 'agentVersion/amp/0-0-1'],
    ['plain', 'plain'],
    ['a/b', 'a~2Fb'],
    ['a~b', 'a~7Eb'],
    ['a\\b', 'a~5Cb'],
    ['x:.', 'x/~2E'],
    ['x:..:y', 'x/~2E~2E/y'],
    ['..', '~2E~2E'],
    ['x::y', 'x/~/y'],
    [':', '~/~'],
    ['a.b:c..d', 'a.b/c..d'],
    ['q?:h#:p%', 'q~3F/h~23/p~25'],
    ['ctl:\u0001', 'ctl/~01'],
    ['Grüße:日本', 'Grüße/日本'],
  ])('%j <-> %j', (id, p) => {
    expect(idToPath(id)).toBe(p);
    expect(pathToId(p)).toBe(id);
  });

  it('never produces a path that climbs out or has empty, `.` or `..` segments', () => {
    for (const id of ['..:..:etc', '.', '::', '/etc/passwd', 'a:..', '~']) {
      const segments = idToPath(id).split('/');
      for (const s of segments) expect(['', '.', '..']).not.toContain(s);
      expect(pathToId(idToPath(id))).toBe(id);
    }
  });

  it('encodes paths for URLs segment by segment, keeping @ readable', () => {
    expect(encodePathForUrl('model/claude@current')).toBe('model/claude@current');
    expect(encodePathForUrl('a b/c~2Fd')).toBe('a%20b/c~2Fd');
    expect(encodePathForUrl('Grüße')).toBe('Gr%C3%BC%C3%9Fe');
  });
});

describe('assignPaths', () => {
  it('gives ids that collide case-insensitively a ~2, ~3 suffix in sorted order', () => {
    const { paths, collisions } = assignPaths(['skill:ADR', 'skill:Adr', 'skill:adr', 'skill:other']);
    expect([...paths.entries()]).toEqual([
      ['skill:ADR', 'skill/ADR'],
      ['skill:Adr', 'skill/Adr~2'],
      ['skill:adr', 'skill/adr~3'],
      ['skill:other', 'skill/other'],
    ]);
    expect(collisions).toEqual([
      { id: 'skill:Adr', path: 'skill/Adr~2', clashesWith: 'skill:ADR' },
      { id: 'skill:adr', path: 'skill/adr~3', clashesWith: 'skill:ADR' },
    ]);
  });

  it('all assigned paths are unique even case-insensitively', () => {
    const ids = ['a:B', 'a:b', 'a/b', 'a:b~2', 'A:b', 'a:b:c'].sort();
    const { paths } = assignPaths(ids);
    const lower = [...paths.values()].map((p) => p.toLowerCase());
    expect(new Set(lower).size).toBe(ids.length);
  });
});

describe('closestIds', () => {
  const ids = ['workflow:schema-migration', 'workflow:schema-review', 'workflow:deploy', 'tool:neon', 'tool:supabase', 'role:dba'];

  it('ranks exact (case-insensitive), then containing, then near misses', () => {
    expect(closestIds('WORKFLOW:DEPLOY', ids)[0]).toBe('workflow:deploy');
    expect(closestIds('schema', ids)).toEqual(['workflow:schema-review', 'workflow:schema-migration']);
    expect(closestIds('workflow:schema-migraton', ids)[0]).toBe('workflow:schema-migration');
    expect(closestIds('tool:noen', ids)[0]).toBe('tool:neon');
  });

  it('limits the suggestions, ignores far-off ids and empty queries', () => {
    expect(closestIds('workflow', ids, 2)).toHaveLength(2);
    expect(closestIds('zzzzzzzzzzzzzzzzzzzzzz', ids)).toEqual([]);
    expect(closestIds('   ', ids)).toEqual([]);
  });
});
