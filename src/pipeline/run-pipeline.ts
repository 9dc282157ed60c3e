/**
 * The pipeline after reading: parse documents -> normalize records -> dedupe edges -> validate ->
 * build indexes. Pure: it takes file contents, so the browser workspace runs the very same stages
 * (`load-atlas.ts` adds the reader and memoization).
 */
import { buildIndexes } from './build-indexes';
import { dedupeEdges } from './dedupe-edges';
import { loadDeclaredSchema } from './declared-schema';
import type { Atlas } from './model';
import { mergeContributions, readContributions, type ClusterDocument } from './normalize-records';
import { DEFAULT_PARSE_LIMITS, parseYamlDocuments, type ParsedDocument, type ParseLimits } from './parse-documents';
import { parseWikiPage, type WikiPage } from './parse-wiki';
import { isSchemaConformance, type Problem } from './problems';
import { DEFAULT_MAX_FILE_BYTES, readAtlasFiles, type ReadOptions, type SourceFile } from './read-files';
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

  const recordDocs: ClusterDocument[] = [];
  const schemaDocs: ParsedDocument[] = [];
  const pages: WikiPage[] = [];
  let documents = 0;
  for (const file of files) {
    if (file.role === 'wiki') {
      const wiki = parseWikiPage(file);
      problems.push(...wiki.problems);
      if (wiki.page && wiki.document) {
        pages.push(wiki.page);
        recordDocs.push({ doc: wiki.document, cluster: 'wiki' });
        documents++;
      }
      continue;
    }
    const parsed = parseYamlDocuments(file.path, file.text, options.limits ?? DEFAULT_PARSE_LIMITS);
    problems.push(...parsed.problems);
    if (file.role === 'schema') schemaDocs.push(...parsed.documents);
    else {
      documents += parsed.documents.length;
      for (const doc of parsed.documents) recordDocs.push({ doc, cluster: file.cluster });
    }
  }
  timer('parse');

  const read = readContributions(recordDocs);
  for (const c of read.contributions) if (c.at.file.startsWith('wiki/')) c.form = 'wiki';
  const merged = mergeContributions(read.contributions);
  problems.push(...read.problems, ...merged.problems);
  timer('normalize');

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
  });
  timer('index');
  return atlas;
}

function stageTimer(onStage: PipelineOptions['onStage']) {
  let last = performance.now();
  return (stage: StageName) => {
    const now = performance.now();
    onStage?.(stage, now - last);
    last = now;
  };
}
