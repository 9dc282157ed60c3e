/** `atlas export`: write the machine-readable exports without building the site. */
import path from 'node:path';
import { buildTime } from '../../exports/options';
import { formatBytes } from '../../pipeline/format-bytes';
import { load, strictOf, UsageError, type Command } from '../main';

export const exportCommand: Command = {
  summary: 'Write atlas.json, records.ndjson, edges.ndjson, kinds.json, ids.json, problems.json, JSON Schemas, llms.txt, agents.md and n/*.json into a folder.',
  usage: `atlas export --out DIR [--domain DIR] [--strict]

  --out DIR      folder to write into (created if needed; files of the same name are replaced)
  --domain DIR   atlas folder (default: $ATLAS_DOMAIN_DIR or ./domain)
  --strict       schema conformance problems become errors (also ATLAS_STRICT=1)

Links use ATLAS_BASE and ATLAS_SITE like the site build; SOURCE_DATE_EPOCH fixes atlas.json's build time.`,
  options: { domain: { type: 'string' }, out: { type: 'string' }, strict: { type: 'boolean' } },
  async run({ values, io }) {
    if (typeof values.out !== 'string' || !values.out) throw new UsageError('export needs --out DIR');
    const outDir = path.resolve(io.cwd, values.out);
    const atlas = load(values, io);
    // Loaded here, not at the top: the exports' schemas would add to every other command's start-up.
    const { siteExportOptions, writeExports } = await import('../../build/exports-step');
    const options = { ...siteExportOptions(buildTime(io.env)), strict: strictOf(values, io) };
    const written = await writeExports(atlas, outDir, options, { siteFiles: true });
    const width = Math.max(...written.map((w) => w.name.length));
    io.out(`Exported ${atlas.stats.records.toLocaleString('en-US')} records into ${path.relative(io.cwd, outDir) || '.'}/\n`);
    for (const w of written) io.out(`  ${w.name.padEnd(width)}  ${formatBytes(w.bytes).padStart(10)}\n`);
    return 0;
  },
};
