/**
 * Filler prose for the synthetic atlas: names, sentences and Markdown built from a fixed word
 * list, so descriptions have the length and structure of real ones (lists, links, code spans).
 */
import type { Random } from './prng';

const NOUNS = [
  'ledger', 'pipeline', 'gateway', 'cache', 'runbook', 'schema', 'release', 'review', 'queue', 'index',
  'contract', 'budget', 'rollout', 'incident', 'backlog', 'registry', 'mirror', 'cluster', 'profile', 'policy',
  'checklist', 'migration', 'snapshot', 'audit', 'forecast', 'sandbox', 'template', 'handbook', 'replica', 'dashboard',
  'tracer', 'scheduler', 'broker', 'manifest', 'baseline', 'harness', 'catalog', 'ticket', 'sprint', 'milestone',
  'service', 'module', 'library', 'adapter', 'plugin', 'workspace', 'notebook', 'dataset', 'report', 'signal',
];
const ADJECTIVES = [
  'amber', 'brisk', 'cobalt', 'deep', 'early', 'fluent', 'gentle', 'hollow', 'inner', 'jade', 'keen', 'lucid',
  'mellow', 'narrow', 'open', 'plain', 'quiet', 'rapid', 'steady', 'tidy', 'upper', 'vivid', 'wide', 'young',
  'zonal', 'shared', 'remote', 'local', 'static', 'nightly', 'partial', 'public', 'private', 'legacy', 'modern',
];
const VERBS = [
  'coordinates', 'records', 'checks', 'publishes', 'reviews', 'tracks', 'merges', 'schedules', 'measures',
  'documents', 'validates', 'migrates', 'rotates', 'archives', 'summarizes', 'routes', 'escalates', 'tunes',
  'reconciles', 'deploys', 'observes', 'reduces', 'explains', 'compares', 'collects',
];
const OBJECTS = [
  'the release calendar', 'every pending change', 'the error budget', 'each owning team', 'the nightly build',
  'flaky test reports', 'incoming pull requests', 'the deployment window', 'customer-facing latency',
  'schema versions across services', 'the on-call rotation', 'stale feature flags', 'dependency updates',
  'access reviews', 'the cost report', 'search relevance metrics', 'backup restores', 'the onboarding guide',
];
const CLOSERS = [
  'before the change is merged', 'so that nobody is surprised on release day', 'with a human sign-off at the end',
  'and keeps a written trail for auditors', 'once per sprint', 'whenever a threshold is crossed',
  'without blocking unrelated work', 'and flags anything that looks unusual', 'in a shared channel',
];

export function words(random: Random, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(i === n - 1 ? random.pick(NOUNS) : random.pick(random.chance(0.6) ? ADJECTIVES : NOUNS));
  return out;
}

/** A slug of two or three words, e.g. `amber-ledger`. */
export function slugWords(random: Random): string {
  return words(random, random.int(2, 3)).join('-');
}

export function titleCase(slug: string): string {
  return slug
    .split('-')
    .filter((w) => !/^\d+$/.test(w))
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}

/** A sentence; unless `plain`, sometimes with a code span. */
export function sentence(random: Random, plain = false): string {
  const subject = `The ${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}`;
  const extra = !plain && random.chance(0.3) ? ` using \`${random.pick(NOUNS)}-${random.pick(NOUNS)}\`` : '';
  return `${subject} ${random.pick(VERBS)} ${random.pick(OBJECTS)}${extra} ${random.pick(CLOSERS)}.`;
}

export function paragraph(random: Random, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) out.push(sentence(random));
  return out.join(' ');
}

/** A description in plain prose of roughly `target` characters: one paragraph, no Markdown syntax. */
export function plainDescription(random: Random, target: number): string {
  const out = [sentence(random, true)];
  let length = out[0]!.length;
  while (length < target) {
    const next = sentence(random, true);
    out.push(next);
    length += next.length + 1;
  }
  return out.join(' ');
}

function link(random: Random): string {
  const topic = slugWords(random);
  return `[${titleCase(topic).toLowerCase()}](https://docs.example.org/${random.pick(NOUNS)}/${topic})`;
}

/**
 * A Markdown description of roughly `target` characters: paragraphs, usually a bullet list with
 * links, sometimes bold text, matching the shape of the real atlas's long descriptions.
 */
export function markdownDescription(random: Random, target: number): string {
  const blocks: string[] = [paragraph(random, random.int(1, 3))];
  let length = blocks[0]!.length;
  while (length < target) {
    const roll = random.next();
    let block: string;
    if (roll < 0.35) {
      const items: string[] = [];
      for (let i = random.int(2, 5); i > 0; i--) {
        items.push(`- ${random.chance(0.4) ? `**${random.pick(NOUNS)}**: ` : ''}${sentence(random)}${random.chance(0.35) ? ` See ${link(random)}.` : ''}`);
      }
      block = items.join('\n');
    } else if (roll < 0.45) {
      const items: string[] = [];
      for (let i = 1; i <= random.int(2, 4); i++) items.push(`${i}. ${sentence(random)}`);
      block = items.join('\n');
    } else {
      block = `${paragraph(random, random.int(1, 3))}${random.chance(0.3) ? ` More in ${link(random)}.` : ''}`;
    }
    blocks.push(block);
    length += block.length + 2;
  }
  return blocks.join('\n\n');
}
