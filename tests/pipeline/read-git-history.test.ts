import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLog, readRecentChanges } from '../../src/pipeline/read-git-history';
import { tempAtlas, writeFiles } from './helpers';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'pipe' });

describe('parseLog', () => {
  const log = ['', '2026-11-20\u0002Second\n\nagents/b.yaml\nagents/a.yaml\nREADME.md\n', '2026-11-19\u0002First\n\nagents/a.yaml\nwiki/x.md\nnotes.txt\n'].join('\u0001');

  it('lists each record or wiki file once, at its latest commit, newest first', () => {
    expect(parseLog(log, 10)).toEqual([
      { file: 'agents/b.yaml', date: '2026-11-20', subject: 'Second' },
      { file: 'agents/a.yaml', date: '2026-11-20', subject: 'Second' },
      { file: 'wiki/x.md', date: '2026-11-19', subject: 'First' },
    ]);
  });

  it('stops at the limit', () => {
    expect(parseLog(log, 1).map((c) => c.file)).toEqual(['agents/b.yaml']);
  });
});

describe('readRecentChanges', () => {
  it('reads the history of an atlas kept in a subfolder of a repository, with paths relative to the atlas', async () => {
    const repo = tempAtlas({ 'README.md': '# repo\n', 'atlas/tools/a.yaml': 'id: a\n', 'other/b.yaml': 'id: b\n' });
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'Initial atlas');
    writeFiles(repo, { 'atlas/tools/c.yaml': 'id: c\n' });
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'Add c');
    const changes = await readRecentChanges(path.join(repo, 'atlas'));
    expect(changes.map((c) => [c.file, c.subject])).toEqual([
      ['tools/c.yaml', 'Add c'],
      ['tools/a.yaml', 'Initial atlas'],
    ]);
    expect(changes[0]!.date).toMatch(/^\d{4}-\d\d-\d\d$/);
  });

  it('gives an empty list, not an error, outside a git checkout', async () => {
    expect(await readRecentChanges(tempAtlas({ 'tools/a.yaml': 'id: a\n' }))).toEqual([]);
  });

  it('asks git once per folder, however many callers', () => {
    const dir = tempAtlas({ 'tools/a.yaml': 'id: a\n' });
    expect(readRecentChanges(dir)).toBe(readRecentChanges(dir));
  });
});
