import { describe, expect, it } from 'vitest';
import { plural } from '../../src/site/plural';

describe('plural', () => {
  it('counts one in the singular, everything else in the plural, with thousands separated', () => {
    expect(plural(1, 'record')).toBe('1 record');
    expect(plural(0, 'edge')).toBe('0 edges');
    expect(plural(1234, 'connection')).toBe('1,234 connections');
    expect(plural(2, 'entry', 'entries')).toBe('2 entries');
  });
});
