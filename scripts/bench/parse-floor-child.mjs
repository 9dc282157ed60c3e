/**
 * Measured child, the pipeline's floor: read the same YAML files the pipeline reads and
 * `yaml.loadAll` them, nothing else (no positions, no checks). Prints its timings as JSON.
 *
 *   node scripts/bench/parse-floor-child.mjs <atlas-dir>
 *
 * Plain JavaScript: starting tsx alone costs a quarter of a second, which is not parsing.
 */
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';

const root = process.argv[2];
if (!root) throw new Error('usage: parse-floor-child.mjs <atlas-dir>');

/**
 * Record and schema YAML, skipping what the pipeline skips (dot and underscore names, wiki/, files in the root).
 * @param {string} dir @param {string} rel @param {string[]} out @returns {string[]}
 */
function yamlFiles(dir, rel, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!(rel === '' && entry.name === 'wiki')) yamlFiles(abs, `${rel}/${entry.name}`, out);
    } else if (rel !== '' && /\.ya?ml$/i.test(entry.name)) out.push(abs);
  }
  return out;
}

const t0 = performance.now();
const files = yamlFiles(path.resolve(root), '', []).sort();
const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
const readMs = performance.now() - t0;
let documents = 0;
let failed = 0;
const t1 = performance.now();
for (let i = 0; i < texts.length; i++) {
  try {
    documents += yaml.loadAll(texts[i], undefined, { filename: files[i] }).length;
  } catch {
    failed++;
  }
}
const parseMs = performance.now() - t1;
process.stdout.write(`${JSON.stringify({ files: files.length, documents, failed, readMs, parseMs, totalMs: readMs + parseMs })}\n`);
