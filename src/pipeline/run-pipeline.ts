/**
 * The pipeline after reading: parse documents -> normalize records -> dedupe edges -> validate ->
 * build indexes. Pure: it takes file contents, so the browser workspace runs the very same stages
 * (`load-atlas.ts` adds the reader and memoization).
 */
import { buildIndexes } from './build-indexes';
import { dedupeEdges } from './dedupe-edges';
import { loadDeclaredSchema } from './declared-schema';
import type { Atlas } from './model';
import { mergeContributions, readContributions, type RecordContribution } from './normalize-records';
import { DEFAULT_PARSE_LIMITS, parseYamlDocuments, type ParsedDocument, type ParseLimits } from './parse-documents';
import { parseWikiPage, type WikiPage } from './parse-wiki';
import { isSchemaConformance, type Problem } from './problems';
import type { ReadOptions, SourceFile } from './read-files';
import { validateRecords } from './validate-records';
import { checkWikiLinks } from './check-wiki-links';

export type StageName = 'read' | 'parse' | 'normalize' | 'dedupe' | 'validate' | 'index';

export interface PipelineOptions extends ReadOptions {
  /** Raise schema conformance problems (unknown kinds, wrong types, …) from warnings to errors. */
  strict?: boolean;
  /** Size and depth limits per YAML document. */
  limits?: ParseLimits;
  /** Called after each stage with its duration in milliseconds (for the benchmark). */
  onStage?: (stage: StageName, ms: number) => void;
}

/** Runs every stage after reading, on files already in memory. */
export function runPipeline(root: string, files: readonly SourceFile[], readProblems: readonly Problem[], options: PipelineOptions = {}): Atlas {
  const timer = stageTimer(options.onStage);
  const problems: Problem[] = [...readProblems];

  const contributions: RecordContribution[] = [];
  const schemaDocs: ParsedDocument[] = [];
  const schemaFiles: { path: string; text: string }[] = [];
  const pages: WikiPage[] = [];
  let documents = 0;
  let parseMs = 0;
  let normalizeMs = 0;
  // File by file: each file's parser tree is dropped as soon as its records are read, which keeps
  // peak memory near the size of the records rather than of every YAML node.
  for (const file of files) {
    const t0 = performance.now();
    if (file.role === 'wiki') {
      const wiki = parseWikiPage(file);
      problems.push(...wiki.problems);
      parseMs += performance.now() - t0;
      if (wiki.page && wiki.document) {
        pages.push(wiki.page);
        documents++;
        const t1 = performance.now();
        const read = readContributions([{ doc: wiki.document, cluster: 'wiki' }]);
        for (const c of read.contributions) c.form = 'wiki';
        contributions.push(...read.contributions);
        problems.push(...read.problems);
        normalizeMs += performance.now() - t1;
      }
      continue;
    }
    const parsed = parseYamlDocuments(file.path, file.text, options.limits ?? DEFAULT_PARSE_LIMITS);
    problems.push(...parsed.problems);
    const t1 = performance.now();
    parseMs += t1 - t0;
    if (file.role === 'schema') {
      schemaDocs.push(...parsed.documents);
      schemaFiles.push({ path: file.path, text: file.text });
      continue;
    }
    documents += parsed.documents.length;
    const read = readContributions(parsed.documents.map((doc) => ({ doc, cluster: file.cluster })));
    contributions.push(...read.contributions);
    problems.push(...read.problems);
    normalizeMs += performance.now() - t1;
  }
  const t2 = performance.now();
  const merged = mergeContributions(contributions);
  problems.push(...merged.problems);
  normalizeMs += performance.now() - t2;
  options.onStage?.('parse', parseMs);
  options.onStage?.('normalize', normalizeMs);
  timer.reset();

  const deduped = dedupeEdges(merged.declarations);
  problems.push(...deduped.problems);
  timer('dedupe');

  const declared = loadDeclaredSchema(schemaDocs);
  problems.push(...declared.problems);
  problems.push(...validateRecords(merged.records, deduped.edges, declared.schema));
  problems.push(...checkWikiLinks(pages, merged.records));
  if (options.strict) {
    for (let i = 0; i < problems.length; i++) {
      const p = problems[i]!;
      if (p.severity !== 'error' && isSchemaConformance(p.code)) problems[i] = { ...p, severity: 'error' };
    }
  }
  timer('validate');

  const atlas = buildIndexes({
    root,
    records: merged.records,
    edges: deduped.edges,
    edgesDeclared: merged.declarations.length,
    schema: declared.schema,
    problems,
    files: files.length,
    documents,
    pages,
    schemaFiles,
  });
  timer('index');
  return atlas;
}

function stageTimer(onStage: PipelineOptions['onStage']) {
  let last = performance.now();
  const lap = (stage: StageName) => {
    const now = performance.now();
    onStage?.(stage, now - last);
    last = now;
  };
  lap.reset = () => {
    last = performance.now();
  };
  return lap;
}
