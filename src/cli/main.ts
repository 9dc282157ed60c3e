/**
 * `atlas`: the authors' command line. A thin layer over the pipeline: every command loads the
 * atlas through `loadAtlas` and prints what it found.
 *
 * Exit codes: 0 fine, 1 problems at or above --fail-on (or an unknown id), 2 usage or I/O errors.
 */
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closestIds } from '../pipeline/closest-ids';
import { loadAtlas, type PipelineOptions } from '../pipeline/load-atlas';
import { recordJson } from '../pipeline/model';
import { atLeast } from '../pipeline/problems';
import { DomainNotFoundError } from '../pipeline/read-files';
import { formatCodesTable, formatProblemsText, formatStatsText, formatSummaryText, summarize } from './report';
import { exportCommand } from './commands/export';
import { mcpCommand } from './commands/mcp';

export class UsageError extends Error {}

export interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  positionals?: number;
  run(args: { values: Record<string, unknown>; positionals: string[]; io: Io }): Promise<number> | number;
}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

const domainOption = { domain: { type: 'string' as const } };
const help = { help: { type: 'boolean' as const, short: 'h' } };

function domainOf(values: Record<string, unknown>, io: Io): string {
  const dir = (values.domain as string | undefined) ?? io.env.ATLAS_DOMAIN_DIR ?? 'domain';
  return path.resolve(io.cwd, dir);
}

export function strictOf(values: Record<string, unknown>, io: Io): boolean {
  return values.strict === true || io.env.ATLAS_STRICT === '1' || io.env.ATLAS_STRICT === 'true';
}

function choice<T extends string>(name: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
}

const COMMANDS: Record<string, Command> = {
  check: {
    summary: 'Load and validate the atlas; print a summary and every problem with file:line:column.',
    usage: `atlas check [--domain DIR] [--format text|json] [--fail-on error|warning] [--strict] [--all]

  --domain DIR        atlas folder (default: $ATLAS_DOMAIN_DIR or ./domain)
  --format text|json  json prints one object {summary, problems} on stdout (default: text)
  --fail-on LEVEL     exit 1 when a problem at or above LEVEL exists (default: error)
  --strict            schema conformance problems become errors (also ATLAS_STRICT=1)
  --all               also list info-level problems (text format)`,
    options: { ...domainOption, format: { type: 'string' }, 'fail-on': { type: 'string' }, strict: { type: 'boolean' }, all: { type: 'boolean' } },
    run({ values, io }) {
      const format = choice('format', values.format, ['text', 'json'] as const, 'text');
      const failOn = choice('fail-on', values['fail-on'], ['error', 'warning'] as const, 'error');
      const atlas = load(values, io);
      const summary = summarize(atlas);
      const failing = atlas.problems.some((p) => atLeast(p.severity, failOn));
      if (format === 'json') {
        io.out(`${JSON.stringify({ summary, problems: atlas.problems }, null, 2)}\n`);
      } else {
        io.out(formatSummaryText(atlas, summary));
        io.out(formatProblemsText(atlas.problems, { root: atlas.root, cwd: io.cwd, includeInfo: values.all === true }));
        io.out(failing ? `\nFAILED: problems at or above "${failOn}".\n` : `\nOK: nothing at or above "${failOn}".\n`);
      }
      return failing ? 1 : 0;
    },
  },
  get: {
    summary: "Print a record's JSON payload (exactly what the site's JSON tab shows).",
    usage: `atlas get <id> [--domain DIR]`,
    options: { ...domainOption },
    positionals: 1,
    run({ values, positionals, io }) {
      const id = positionals[0];
      if (!id) throw new UsageError('get needs a record id, e.g. atlas get workflow:schema-migration');
      const atlas = load(values, io);
      const record = atlas.records.get(id);
      if (!record) {
        const near = closestIds(id, atlas.records.keys(), 5);
        io.err(`No record has the id "${id}".${near.length ? `\nDid you mean:\n${near.map((n) => `  ${n}`).join('\n')}` : ''}\n`);
        return 1;
      }
      io.out(recordJson(record));
      return 0;
    },
  },
  stats: {
    summary: 'Count records by cluster and node kind, and edges by edge kind.',
    usage: `atlas stats [--domain DIR] [--format text|json]`,
    options: { ...domainOption, format: { type: 'string' } },
    run({ values, io }) {
      const format = choice('format', values.format, ['text', 'json'] as const, 'text');
      const atlas = load(values, io);
      if (format === 'json') io.out(`${JSON.stringify(atlas.stats, null, 2)}\n`);
      else io.out(formatStatsText(atlas));
      return 0;
    },
  },
  codes: {
    summary: 'Print the table of problem codes (Markdown).',
    usage: `atlas codes`,
    options: {},
    run({ io }) {
      io.out(formatCodesTable());
      return 0;
    },
  },
  export: exportCommand,
  mcp: mcpCommand,
};

export function load(values: Record<string, unknown>, io: Io) {
  const options: PipelineOptions = { strict: strictOf(values, io) };
  return loadAtlas(domainOf(values, io), options);
}

export function commandHelp(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`);
  return `Usage: atlas <command> [options]   (npm run atlas -- <command> …)

Commands:
${lines.join('\n')}

Run "atlas <command> --help" for a command's options.
`;
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(commandHelp());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`Unknown command "${name}".\n\n${commandHelp()}`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...command.options, ...help },
      allowPositionals: (command.positionals ?? 0) > 0,
      strict: true,
    });
    if (values.help) {
      io.out(`${command.summary}\n\nUsage: ${command.usage}\n`);
      return 0;
    }
    if (positionals.length > (command.positionals ?? 0)) throw new UsageError(`unexpected argument "${positionals.at(-1)}"`);
    return await command.run({ values, positionals, io });
  } catch (err) {
    if (err instanceof DomainNotFoundError) {
      io.err(`Atlas folder not found: ${err.root}\nPass --domain DIR or set ATLAS_DOMAIN_DIR.\n`);
      return 2;
    }
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`atlas ${name}: ${(err as Error).message}\n\nUsage: ${command.usage}\n`);
      return 2;
    }
    throw err;
  }
}

const isEntry = process.argv[1] && /(?:^|[\\/])(main\.ts|atlas\.mjs)$/.test(process.argv[1]);
if (isEntry) {
  // A reader that stops early (`atlas check | head`) closes the pipe: the output is simply no
  // longer wanted, which is not an error worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit();
  });
  const io: Io = {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    env: process.env,
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`atlas: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
