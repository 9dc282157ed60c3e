/**
 * Text and JSON renderings of the pipeline's result for the command line (and the build log,
 * which prints the same report when it refuses to publish).
 */
import path from 'node:path';
import type { Atlas } from '../pipeline/model';
import { PROBLEM_CODES, type Problem, type Severity } from '../pipeline/problems';

export interface CheckSummary {
  root: string;
  files: number;
  documents: number;
  records: number;
  edgesDeclared: number;
  edges: number;
  danglingEdges: number;
  problems: Record<Severity, number>;
  problemsByCode: Record<string, number>;
}

export function summarize(atlas: Atlas): CheckSummary {
  const s = atlas.stats;
  return {
    root: atlas.root,
    files: s.files,
    documents: s.documents,
    records: s.records,
    edgesDeclared: s.edgesDeclared,
    edges: s.edges,
    danglingEdges: s.danglingEdges,
    problems: s.problemsBySeverity,
    problemsByCode: s.problemsByCode,
  };
}

const n = (x: number) => x.toLocaleString('en-US');
const plural = (x: number, word: string) => `${n(x)} ${word}${x === 1 ? '' : 's'}`;

export function formatSummaryText(atlas: Atlas, s: CheckSummary = summarize(atlas)): string {
  const lines = [
    `Atlas ${s.root}`,
    `  ${plural(s.files, 'file')}, ${plural(s.documents, 'document')}, ${plural(s.records, 'record')}`,
    `  ${plural(s.edgesDeclared, 'edge declaration')} -> ${plural(s.edges, 'edge')} after dedupe (${n(s.edgesDeclared - s.edges)} merged), ${n(s.danglingEdges)} dangling`,
    `  problems: ${plural(s.problems.error, 'error')}, ${plural(s.problems.warning, 'warning')}, ${n(s.problems.info)} info`,
  ];
  const codes = Object.entries(s.problemsByCode);
  if (codes.length) {
    const width = Math.max(...codes.map(([c]) => c.length));
    for (const [code, count] of codes) {
      const sev = (PROBLEM_CODES as Record<string, { severity: Severity }>)[code]?.severity ?? '';
      lines.push(`    ${code.padEnd(width)}  ${String(count).padStart(6)}  ${sev}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Problems grouped by file, `file:line:col` first so editors and terminals make them clickable. */
export function formatProblemsText(problems: readonly Problem[], opts: { root: string; cwd: string; includeInfo: boolean }): string {
  const shown = opts.includeInfo ? problems : problems.filter((p) => p.severity !== 'info');
  const hidden = problems.length - shown.length;
  const out: string[] = [];
  let current: string | null = null;
  for (const p of shown) {
    const shownPath = p.file ? path.relative(opts.cwd, path.join(opts.root, p.file)) || p.file : path.relative(opts.cwd, opts.root) || '.';
    if (p.file !== current) {
      current = p.file;
      out.push('', shownPath);
    }
    const loc = p.line ? `${shownPath}:${p.line}:${p.column || 1}` : shownPath;
    out.push(`  ${loc}  ${p.severity} ${p.code}: ${p.message}`, `      hint: ${p.hint}`);
  }
  if (hidden) out.push('', `(${n(hidden)} info-level problems not listed; --all lists them)`);
  return out.length ? `${out.join('\n')}\n` : '';
}

export function formatStatsText(atlas: Atlas): string {
  const s = atlas.stats;
  const table = (title: string, m: Record<string, number>) => {
    const entries = Object.entries(m);
    const width = Math.max(title.length, ...entries.map(([k]) => k.length));
    return [`${title.padEnd(width)}  count`, ...entries.map(([k, v]) => `${k.padEnd(width)}  ${String(v).padStart(5)}`)].join('\n');
  };
  return [
    `records ${n(s.records)} in ${plural(Object.keys(s.byCluster).length, 'cluster')}, ${plural(Object.keys(s.byKind).length, 'node kind')}; edges ${n(s.edges)} (${n(s.edgesDeclared)} declared) of ${plural(Object.keys(s.byEdgeKind).length, 'edge kind')}`,
    '',
    table('cluster', s.byCluster),
    '',
    table('node kind', s.byKind),
    '',
    table('edge kind', s.byEdgeKind),
    '',
  ].join('\n');
}

export function formatCodesTable(): string {
  const rows = Object.entries(PROBLEM_CODES).map(
    ([code, info]) => `| \`${code}\` | ${info.severity}${'schemaConformance' in info ? ' (error with --strict)' : ''} | ${info.summary} | ${info.hint} |`,
  );
  return ['| code | severity | meaning | fix |', '| --- | --- | --- | --- |', ...rows, ''].join('\n');
}
