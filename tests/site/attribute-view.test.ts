/**
 * How attribute values are classified for the overview, and the teaser of a long text.
 */
import { describe, expect, it } from 'vitest';
import { humanize, previewText, viewAttribute } from '../../src/site/attribute-view';

describe('viewAttribute', () => {
  const isRecord = (s: string) => s === 'tool:neon';
  it('tells URLs, dates, record ids, Markdown and plain text apart', () => {
    expect(viewAttribute('https://neon.tech/docs', isRecord).kind).toBe('url');
    expect(viewAttribute('2024-02-29', isRecord).kind).toBe('date');
    expect(viewAttribute('tool:neon', isRecord)).toEqual({ kind: 'record', id: 'tool:neon' });
    expect(viewAttribute('tool:unknown', isRecord).kind).toBe('text');
    expect(viewAttribute('Uses **branches** for previews.', isRecord).kind).toBe('markdown');
    expect(viewAttribute('plain words', isRecord, 'markdown').kind).toBe('markdown');
    expect(viewAttribute('plain words', isRecord).kind).toBe('text');
    expect(viewAttribute('', isRecord).kind).toBe('empty');
  });
});

describe('previewText', () => {
  it('keeps short text whole and cuts long text at a word, with an ellipsis', () => {
    expect(previewText('Short and sweet.', false)).toBe('Short and sweet.');
    const long = 'word '.repeat(100).trim();
    const preview = previewText(long, false, 42);
    expect(preview.endsWith('word…')).toBe(true);
    expect(preview.length).toBeLessThanOrEqual(43);
  });

  it('drops Markdown markers and link targets, but not the underscores inside names', () => {
    expect(previewText('# Title\n\nUse **expand** and [contract](https://x.example/c), see `pg_repack` and snake_case.', true)).toBe(
      'Title Use expand and contract, see pg_repack and snake_case.',
    );
    expect(previewText('- one\n- two', true)).toBe('one two');
  });

  it('leaves plain text as written (asterisks included)', () => {
    expect(previewText('5 * 3 is *not* Markdown here', false)).toBe('5 * 3 is *not* Markdown here');
  });
});

describe('humanize', () => {
  it('turns keys into words', () => {
    expect(humanize('typicalCadence')).toBe('typical cadence');
    expect(humanize('release_notes-url')).toBe('release notes url');
  });
});
