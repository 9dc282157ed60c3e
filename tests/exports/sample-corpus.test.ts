/**
 * The exports of the real sample corpus (~5,500 records, damaged schema, hostile values) validate
 * against their published JSON Schemas, line by line.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/main';
import { loadAtlas } from '../../src/pipeline/load-atlas';
import { describeWithSample, SAMPLE_DIR } from '../support/corpus';
import { compileSchema, describeErrors } from './support';

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'exports-sample-'));
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

describeWithSample('exports of the sample corpus', () => {
  it('atlas export writes every file, and each validates against its schema', async () => {
    let log = '';
    const io: Io = { out: (s) => (log += s), err: (s) => (log += s), cwd: process.cwd(), env: {} };
    expect(await main(['export', '--out', out, '--domain', SAMPLE_DIR], io)).toBe(0);
    const atlas = loadAtlas(SAMPLE_DIR);
    const read = (f: string) => fs.readFileSync(path.join(out, f), 'utf8');
    const checks: [string, string, boolean][] = [
      ['atlas.json', 'atlas.schema.json', false],
      ['records.ndjson', 'record.schema.json', true],
      ['edges.ndjson', 'edge.schema.json', true],
      ['kinds.json', 'kinds.schema.json', false],
      ['ids.json', 'ids.schema.json', false],
      ['problems.json', 'problems.schema.json', false],
    ];
    for (const [file, schema, perLine] of checks) {
      const validate = compileSchema(JSON.parse(read(`schema/${schema}`)));
      const text = read(file);
      const values = perLine ? text.slice(0, -1).split('\n') : [text];
      if (file === 'records.ndjson') expect(values).toHaveLength(atlas.stats.records);
      if (file === 'edges.ndjson') expect(values).toHaveLength(atlas.stats.edges);
      for (const v of values) expect(validate(JSON.parse(v)), `${file}: ${describeErrors(validate.errors)}`).toBe(true);
    }
  });
});
