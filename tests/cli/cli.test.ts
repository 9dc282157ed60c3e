import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { commandHelp, main, type Io } from '../../src/cli/main';
import { clearAtlasCache, loadAtlas } from '../../src/pipeline/load-atlas';
import { recordJson } from '../../src/pipeline/model';
import { PROBLEM_CODES } from '../../src/pipeline/problems';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = path.join(REPO, 'tests/fixtures/pipeline');
const BASIC = path.join(FIXTURES, 'basic'); // warnings (dangling edge, unknown edge kind) and one info, no errors
const CLEAN = path.join(FIXTURES, 'clean'); // no problems at all
const BROKEN = path.join(FIXTURES, 'broken'); // one yaml-syntax error

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(argv: string[], env: NodeJS.ProcessEnv = {}, cwd = REPO): Promise<Run> {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => (out += s), err: (s) => (err += s), cwd, env };
  const code = await main(argv, io);
  return { code, out, err };
}

const tmp: string[] = [];
afterAll(() => {
  for (const d of tmp) fs.rmSync(d, { recursive: true, force: true });
});

beforeEach(() => {
  clearAtlasCache();
});

describe('atlas check', () => {
  it('prints a summary and problems grouped by file with clickable file:line:col', async () => {
    const r = await run(['check', '--domain', BASIC]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain(`Atlas ${BASIC}`);
    expect(r.out).toContain('7 files, 6 documents, 6 records');
    expect(r.out).toContain('7 edge declarations -> 6 edges after dedupe (1 merged), 1 dangling');
    expect(r.out).toMatch(/dangling-edge\s+1\s+warning/);
    expect(r.out).toMatch(/unknown-edge-kind\s+1\s+warning/);
    const shown = path.relative(REPO, path.join(BASIC, 'work/workflows.yaml'));
    expect(r.out).toContain(`\n${shown}\n`);
    expect(r.out).toContain(`  ${shown}:13:3  warning dangling-edge:`);
    expect(r.out).toContain('hint: Correct the target id');
    // Info-level problems are counted but only listed with --all.
    expect(r.out).not.toContain('info duplicate-edge:');
    expect(r.out).toContain('--all lists them');
    expect(r.out).toContain('OK: nothing at or above "error".');
  });

  it('--all lists info-level problems too', async () => {
    const r = await run(['check', '--domain', BASIC, '--all']);
    expect(r.out).toMatch(/workflows\.yaml:12:7 {2}info duplicate-edge:/);
  });

  it('paths are printed relative to the working directory', async () => {
    const r = await run(['check', '--domain', '.'], {}, BASIC);
    expect(r.out).toContain('\nwork/workflows.yaml\n  work/workflows.yaml:13:3  warning dangling-edge');
  });

  it('exit codes: 0 below --fail-on, 1 at or above it', async () => {
    expect((await run(['check', '--domain', CLEAN])).code).toBe(0);
    expect((await run(['check', '--domain', CLEAN, '--fail-on', 'warning'])).code).toBe(0);
    expect((await run(['check', '--domain', BASIC])).code).toBe(0);
    expect((await run(['check', '--domain', BASIC, '--fail-on', 'error'])).code).toBe(0);
    const warn = await run(['check', '--domain', BASIC, '--fail-on', 'warning']);
    expect(warn.code).toBe(1);
    expect(warn.out).toContain('FAILED: problems at or above "warning".');
    const broken = await run(['check', '--domain', BROKEN]);
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/bad\.yaml:5:\d+ {2}error yaml-syntax:/);
  });

  it('info-level problems never fail the check', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-cli-'));
    tmp.push(dir);
    fs.mkdirSync(path.join(dir, 'c'));
    fs.writeFileSync(path.join(dir, 'c', 'a.yaml'), 'nodeKind: X\nid: x:1\nedges:\n  k: [x:1, x:1]\n');
    const r = await run(['check', '--domain', dir, '--fail-on', 'warning', '--format', 'json']);
    expect(JSON.parse(r.out).summary.problems).toEqual({ error: 0, warning: 0, info: 1 });
    expect(r.code).toBe(0);
  });

  it('--format json prints exactly one JSON object {summary, problems} on stdout', async () => {
    const r = await run(['check', '--domain', BASIC, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const parsed = JSON.parse(r.out) as { summary: Record<string, unknown>; problems: unknown[] };
    expect(Object.keys(parsed)).toEqual(['summary', 'problems']);
    expect(parsed.summary).toEqual({
      root: BASIC,
      files: 7,
      documents: 6,
      records: 6,
      edgesDeclared: 7,
      edges: 6,
      danglingEdges: 1,
      problems: { error: 0, warning: 2, info: 1 },
      problemsByCode: { 'dangling-edge': 1, 'duplicate-edge': 1, 'unknown-edge-kind': 1 },
    });
    expect(parsed.problems).toHaveLength(3);
    expect(parsed.problems[0]).toEqual({
      code: 'duplicate-edge',
      severity: 'info',
      file: 'work/workflows.yaml',
      line: 12,
      column: 7,
      id: 'workflow:deploy',
      message: expect.stringContaining('declared 2×'),
      hint: expect.any(String),
    });
    expect(r.out.trim().startsWith('{')).toBe(true);
    expect(r.out.endsWith('}\n')).toBe(true);
  });

  it('--format json with --fail-on warning still exits 1 and keeps stdout pure JSON', async () => {
    const r = await run(['check', '--domain', BROKEN, '--format', 'json', '--fail-on', 'warning']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).problems).toMatchObject([{ code: 'yaml-syntax', file: 'main/bad.yaml', line: 5 }]);
  });

  it('--strict and ATLAS_STRICT=1 raise schema conformance warnings to errors', async () => {
    const lax = await run(['check', '--domain', BASIC, '--format', 'json']);
    expect(lax.code).toBe(0);
    const strict = await run(['check', '--domain', BASIC, '--format', 'json', '--strict']);
    expect(strict.code).toBe(1);
    const problems = JSON.parse(strict.out).problems as { code: string; severity: string }[];
    expect(problems.find((p) => p.code === 'unknown-edge-kind')!.severity).toBe('error');
    expect(problems.find((p) => p.code === 'dangling-edge')!.severity).toBe('warning');
    clearAtlasCache();
    const env = await run(['check', '--domain', BASIC], { ATLAS_STRICT: '1' });
    expect(env.code).toBe(1);
    expect(env.out).toContain('error unknown-edge-kind:');
    expect((await run(['check', '--domain', BASIC], { ATLAS_STRICT: '0' })).code).toBe(0);
  });

  it('rejects bad option values with exit 2 and the usage on stderr', async () => {
    const r = await run(['check', '--domain', BASIC, '--format', 'yaml']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('--format must be one of text, json');
    expect(r.err).toContain('Usage: atlas check');
    expect((await run(['check', '--domain', BASIC, '--fail-on', 'info'])).code).toBe(2);
  });
});

describe('atlas get', () => {
  it('prints exactly the record payload JSON (recordJson)', async () => {
    const r = await run(['get', 'workflow:deploy', '--domain', BASIC]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toBe(recordJson(loadAtlas(BASIC).records.get('workflow:deploy')!));
    expect(JSON.parse(r.out).id).toBe('workflow:deploy');
  });

  it('an unknown id exits 1 with the closest ids suggested on stderr', async () => {
    const r = await run(['get', 'workflow:deplyo', '--domain', BASIC]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('No record has the id "workflow:deplyo"');
    expect(r.err).toContain('Did you mean:\n  workflow:deploy');
  });

  it('an unknown id with nothing close exits 1 without suggestions', async () => {
    const r = await run(['get', 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', '--domain', BASIC]);
    expect(r.code).toBe(1);
    expect(r.err).not.toContain('Did you mean');
  });

  it('needs exactly one id', async () => {
    expect((await run(['get', '--domain', BASIC])).code).toBe(2);
    const extra = await run(['get', 'a', 'b', '--domain', BASIC]);
    expect(extra.code).toBe(2);
    expect(extra.err).toContain('unexpected argument "b"');
  });

  it('honours ATLAS_DOMAIN_DIR, and --domain wins over it', async () => {
    const viaEnv = await run(['get', 'thing:one'], { ATLAS_DOMAIN_DIR: CLEAN });
    expect(viaEnv.code).toBe(0);
    expect(JSON.parse(viaEnv.out)._file).toBe('main/things.yaml');
    const relative = await run(['get', 'thing:one'], { ATLAS_DOMAIN_DIR: 'clean' }, FIXTURES);
    expect(relative.code).toBe(0);
    const both = await run(['get', 'workflow:deploy', '--domain', BASIC], { ATLAS_DOMAIN_DIR: CLEAN });
    expect(both.code).toBe(0);
  });

  it('defaults to ./domain, and a missing folder exits 2 naming the path', async () => {
    const r = await run(['get', 'x'], {}, FIXTURES);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`Atlas folder not found: ${path.join(FIXTURES, 'domain')}`);
    const env = await run(['check'], { ATLAS_DOMAIN_DIR: '/definitely/not/here' });
    expect(env.code).toBe(2);
    expect(env.err).toContain('/definitely/not/here');
  });
});

describe('atlas stats', () => {
  it('--format json prints the counts by cluster, node kind and edge kind', async () => {
    const r = await run(['stats', '--domain', BASIC, '--format', 'json']);
    expect(r.code).toBe(0);
    const stats = JSON.parse(r.out);
    expect(stats).toMatchObject({
      records: 6,
      edges: 6,
      byCluster: { people: 2, tools: 1, wiki: 1, work: 2 },
      byKind: { Page: 1, Role: 2, Tool: 1, Workflow: 2 },
      byEdgeKind: { applies_to_domain: 1, involves_role: 4, supports_work: 1 },
    });
    expect(stats).toEqual(loadAtlas(BASIC).stats);
  });

  it('text output has one table per grouping', async () => {
    const r = await run(['stats', '--domain', BASIC]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('records 6 in 4 clusters, 4 node kinds; edges 6 (7 declared) of 3 edge kinds');
    expect(r.out).toMatch(/^cluster\s+count$/m);
    expect(r.out).toMatch(/^node kind\s+count$/m);
    expect(r.out).toMatch(/^edge kind\s+count$/m);
    expect(r.out).toMatch(/^involves_role\s+4$/m);
  });
});

describe('usage', () => {
  it.each(['check', 'get', 'stats', 'codes'])('%s --help prints its usage and exits 0', async (cmd) => {
    for (const flag of ['--help', '-h']) {
      const r = await run([cmd, flag]);
      expect(r.code).toBe(0);
      expect(r.out).toContain(`Usage: atlas ${cmd}`);
      expect(r.err).toBe('');
    }
  });

  it('check --help documents every option', async () => {
    const r = await run(['check', '--help']);
    for (const opt of ['--domain', '--format', '--fail-on', '--strict', '--all', 'ATLAS_STRICT', 'ATLAS_DOMAIN_DIR']) expect(r.out).toContain(opt);
  });

  it('--help, -h and help list the commands; no command at all is a usage error', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const r = await run(argv);
      expect(r.code).toBe(0);
      expect(r.out).toBe(commandHelp());
    }
    expect(commandHelp()).toMatch(/check[\s\S]*get[\s\S]*stats[\s\S]*codes/);
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.out).toContain('Usage: atlas <command>');
  });

  it('an unknown command exits 2', async () => {
    const r = await run(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Unknown command "frobnicate"');
  });

  it.each([
    ['check', '--domian', BASIC],
    ['check', '--verbose'],
    ['get', 'x', '--format', 'json'],
    ['stats', '--strict'],
    ['codes', '--domain', BASIC],
    ['check', 'extra-positional'],
  ])('unknown flags and arguments are errors, not ignored: %s %s', async (...argv) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`atlas ${argv[0]}:`);
    expect(r.err).toContain('Usage:');
  });

  it('codes prints the problem code table with every code', async () => {
    const r = await run(['codes']);
    expect(r.code).toBe(0);
    for (const code of Object.keys(PROBLEM_CODES)) expect(r.out).toContain(`| \`${code}\` |`);
    expect(r.out).toContain('(error with --strict)');
  });
});

describe('the real command', () => {
  // The bin (what `npm run check` and an installed `atlas` run, compiled and cached) and the
  // source under tsx give the same answer.
  it.each([
    { command: 'scripts/atlas.mjs', entry: ['scripts/atlas.mjs'] },
    { command: '--import tsx src/cli/main.ts', entry: ['--import', 'tsx', 'src/cli/main.ts'] },
  ])(
    'node $command check --domain <fixture> prints the JSON on stdout and sets the exit code',
    ({ entry }) => {
      const r = spawnSync(process.execPath, [...entry, 'check', '--domain', BASIC, '--format', 'json', '--fail-on', 'warning'], {
        cwd: REPO,
        encoding: 'utf8',
        env: { ...process.env, ATLAS_STRICT: '', ATLAS_DOMAIN_DIR: '' },
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(1);
      expect(JSON.parse(r.stdout).summary).toMatchObject({ root: BASIC, records: 6, problems: { error: 0, warning: 2, info: 1 } });
    },
  );

  it('stops quietly when the reader closes the pipe early (atlas check | head)', () => {
    // Enough problems that the report outgrows the pipe's buffer before `head` goes away.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-epipe-'));
    tmp.push(dir);
    fs.mkdirSync(path.join(dir, 'work'));
    const targets = Array.from({ length: 3000 }, (_, i) => `      - topic:missing-${i}`).join('\n');
    fs.writeFileSync(path.join(dir, 'work', 'hub.yaml'), `nodeKind: Project\nid: work:hub\nedges:\n  about:\n${targets}\n`);
    const r = spawnSync('bash', ['-c', `"${process.execPath}" scripts/atlas.mjs check --domain "${dir}" | head -n 2; echo "status \${PIPESTATUS[0]}"`], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, ATLAS_STRICT: '', ATLAS_DOMAIN_DIR: '' },
    });
    expect(r.stdout.split('\n')[0]).toBe(`Atlas ${dir}`);
    expect(r.stdout).toMatch(/status 0\n$/);
    expect(r.stderr).toBe('');
  });
});
