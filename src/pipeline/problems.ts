/**
 * Problems: everything the pipeline has to say about its input.
 *
 * Every stage reports through the same shape so that the CLI, the site's integrity page and the
 * workspace print identical lines. Codes are stable kebab-case names; the table below is the one
 * place where a code's default severity and its generic fix live (the README's table is generated
 * from it by `npm run atlas -- codes`).
 */
import * as z from 'zod';

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

export const ProblemSchema = z.object({
  /** Stable kebab-case identifier of the kind of problem, e.g. `dangling-edge`. */
  code: z.string(),
  /** `error` fails `check` and the build by default; `warning` only under `--fail-on warning`; `info` never. */
  severity: SeveritySchema,
  /** Path relative to the atlas root, `/`-separated (empty for problems about the root itself). */
  file: z.string(),
  /** 1-based line in `file` (0 when the problem concerns the whole file). */
  line: z.number().int().nonnegative(),
  /** 1-based column in `file` (0 when unknown). */
  column: z.number().int().nonnegative(),
  /** The record the problem is about, when there is one. */
  id: z.string().optional(),
  /** What is wrong, in one sentence that names the offending value. */
  message: z.string(),
  /** How to fix it. */
  hint: z.string(),
});
export type Problem = z.infer<typeof ProblemSchema>;

interface CodeInfo {
  /** Severity unless `--strict` raises schema conformance problems to errors. */
  severity: Severity;
  /** True for problems about conformance to the declared schema (raised to errors by `--strict`). */
  schemaConformance?: boolean;
  /** What the code means, for the documentation table. */
  summary: string;
  /** Default fix, used when the reporting stage has nothing more specific to say. */
  hint: string;
}

/** The single table of problem codes. */
export const PROBLEM_CODES = {
  'domain-missing': {
    severity: 'error',
    summary: 'The atlas root folder does not exist or is not a folder.',
    hint: 'Pass --domain DIR or set ATLAS_DOMAIN_DIR to the folder that holds the atlas.',
  },
  'domain-empty': {
    severity: 'warning',
    summary: 'The atlas root holds no record files.',
    hint: 'Add YAML files under <root>/<cluster>/.',
  },
  'file-unreadable': {
    severity: 'error',
    summary: 'A file or folder could not be read (permissions, broken link, I/O error).',
    hint: 'Check the file permissions, or remove the broken entry.',
  },
  'symlink-loop': {
    severity: 'warning',
    summary: 'A symbolic link leads back into a folder already being visited; it was not followed.',
    hint: 'Remove the link or point it outside the atlas.',
  },
  'file-too-large': {
    severity: 'error',
    summary: 'A file is larger than the loader accepts; it was skipped.',
    hint: 'Split the file into several smaller files.',
  },
  'file-encoding': {
    severity: 'error',
    summary: 'A file is not valid UTF-8; it was skipped.',
    hint: 'Re-save the file as UTF-8.',
  },
  'yaml-syntax': {
    severity: 'error',
    summary: 'YAML that cannot be parsed; the documents of that file are lost until it is fixed.',
    hint: 'Fix the YAML at the reported line (check indentation, quoting and unbalanced brackets).',
  },
  'yaml-too-complex': {
    severity: 'error',
    summary: 'A document expands past the size or depth limit (for example an alias bomb); it was refused.',
    hint: 'Remove the repeated aliases or the deep nesting; records should be small.',
  },
  'document-invalid': {
    severity: 'error',
    summary: 'A YAML document is not one of the atlas document forms (node, extension, patch, bundle).',
    hint: 'Give the document `nodeKind` and `id`, or `extendsNode: {nodeKind, id}`, or `kind: NodeDocument` with `nodes`.',
  },
  'missing-id': {
    severity: 'error',
    summary: 'A node document has no usable `id`.',
    hint: 'Add `id: <prefix>:<slug>` to the document.',
  },
  'missing-node-kind': {
    severity: 'error',
    summary: 'A node document has no `nodeKind`.',
    hint: 'Add `nodeKind: <Kind>` naming one of the kinds declared in schema/node-kinds/.',
  },
  'invalid-id': {
    severity: 'warning',
    summary: 'An id is not a plain string, or holds whitespace, control characters or markup.',
    hint: 'Use an id made of letters, digits and `: / . @ _ -`.',
  },
  'duplicate-id': {
    severity: 'warning',
    summary: 'Several node documents define the same id; the first (in path order) wins and later ones only fill missing attributes.',
    hint: 'Keep one definition and turn the others into `extendsNode` documents or patches.',
  },
  'kind-conflict': {
    severity: 'warning',
    summary: 'Documents give the same id different node kinds; the defining document\'s kind is kept.',
    hint: 'Use the same `nodeKind` everywhere the id appears.',
  },
  'extension-target-missing': {
    severity: 'error',
    summary: 'An extension or patch adds to an id that no node document defines.',
    hint: 'Define the record first, or correct the id in `extendsNode` / the patch.',
  },
  'invalid-edges': {
    severity: 'warning',
    summary: 'An `edges` block, edge list or edge entry has the wrong shape; the bad part was ignored.',
    hint: 'Write edges as `kind: target-id`, `kind: [id, …]` or `kind: [{target: id, confidence: …}]`.',
  },
  'empty-edge-list': {
    severity: 'warning',
    summary: 'An edge kind has a null value; it was read as an empty list.',
    hint: 'Remove the empty edge kind or list its targets.',
  },
  'invalid-attributes': {
    severity: 'warning',
    summary: '`attributes` is not a mapping; it was ignored.',
    hint: 'Write attributes as a YAML mapping of name: value.',
  },
  'dangling-edge': {
    severity: 'warning',
    summary: 'An edge points to an id that no record defines; it is kept and shown as unresolved.',
    hint: 'Correct the target id or add the missing record.',
  },
  'edge-attribute-conflict': {
    severity: 'warning',
    summary: 'The same edge is declared several times with different attribute values; the first value is kept.',
    hint: 'Make the declarations agree, or keep only one.',
  },
  'duplicate-edge': {
    severity: 'info',
    summary: 'The same edge (from, kind, to) is declared more than once; the declarations were merged.',
    hint: 'Nothing to do unless the repetition is accidental.',
  },
  'unknown-node-kind': {
    severity: 'warning',
    schemaConformance: true,
    summary: 'A record uses a node kind that schema/node-kinds/ does not declare.',
    hint: 'Declare the kind in schema/node-kinds/, or correct the spelling.',
  },
  'unknown-edge-kind': {
    severity: 'warning',
    schemaConformance: true,
    summary: 'An edge uses an edge kind that schema/edge-kinds.yaml does not declare.',
    hint: 'Declare the edge kind in schema/edge-kinds.yaml, or correct the spelling.',
  },
  'edge-kind-mismatch': {
    severity: 'warning',
    schemaConformance: true,
    summary: 'An edge connects kinds that its edge kind does not allow (source or target).',
    hint: 'Use an edge kind declared for these kinds, or add the kinds to the edge kind\'s source/target.',
  },
  'missing-required-attribute': {
    severity: 'warning',
    schemaConformance: true,
    summary: 'A record lacks an attribute its node kind declares as required.',
    hint: 'Add the attribute to the record.',
  },
  'invalid-attribute': {
    severity: 'warning',
    schemaConformance: true,
    summary: 'An attribute value does not match the type its node kind (or edge kind) declares.',
    hint: 'Change the value to match the declared type, or correct the declaration.',
  },
  'schema-invalid': {
    severity: 'warning',
    summary: 'A declaration in schema/ is malformed (for example an unquoted `enum<a, b>` that YAML read as a map); it falls back to `any`.',
    hint: 'Fix the declaration; quote types that contain commas or angle brackets.',
  },
  'wiki-frontmatter': {
    severity: 'warning',
    summary: 'A wiki page has no frontmatter or frontmatter without an id; an id was derived from its path.',
    hint: 'Start the page with `---` frontmatter holding `id`, `nodeKind: Page` and `title`.',
  },
  'broken-wiki-link': {
    severity: 'warning',
    summary: 'A wiki page links to a page or record that does not exist.',
    hint: 'Correct the link target, or create the page or record.',
  },
  'path-collision': {
    severity: 'warning',
    summary: 'Two ids map to the same page path (possibly only differing in letter case); the later one gets a suffixed path.',
    hint: 'Rename one of the ids so that they differ by more than letter case.',
  },
} satisfies Record<string, CodeInfo>;

export type ProblemCode = keyof typeof PROBLEM_CODES;

export interface ProblemInput {
  code: ProblemCode;
  file: string;
  line?: number;
  column?: number;
  id?: string;
  message: string;
  /** Overrides the code's generic hint. */
  hint?: string;
  /** Overrides the code's default severity. */
  severity?: Severity;
}

/** Builds a problem with the code's default severity and hint. */
export function problem(input: ProblemInput): Problem {
  const info: CodeInfo = PROBLEM_CODES[input.code];
  const out: Problem = {
    code: input.code,
    severity: input.severity ?? info.severity,
    file: input.file,
    line: input.line ?? 0,
    column: input.column ?? 0,
    message: input.message,
    hint: input.hint ?? info.hint,
  };
  if (input.id !== undefined) out.id = input.id;
  return out;
}

/** Whether `--strict` raises this code to an error. */
export function isSchemaConformance(code: string): boolean {
  const info = (PROBLEM_CODES as Record<string, CodeInfo>)[code];
  return info?.schemaConformance === true;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 2, warning: 1, info: 0 };

/** True when `severity` is at or above `threshold`. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}

/** Stable order: by file (byte order), line, column, code, id, message. */
export function compareProblems(a: Problem, b: Problem): number {
  return (
    cmp(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    cmp(a.code, b.code) ||
    cmp(a.id ?? '', b.id ?? '') ||
    cmp(a.message, b.message)
  );
}

/**
 * Byte-order string comparison (UTF-8 bytes, i.e. code points; not locale-aware), so results never
 * depend on the machine. Plain `<` compares UTF-16 units, which puts astral characters (surrogate
 * pairs) before U+E000..U+FFFF; the first differing unit is remapped to fix that.
 */
export function cmp(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) < codePointRank(y) ? -1 : 1;
  }
  return a.length < b.length ? -1 : 1;
}

function codePointRank(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}
