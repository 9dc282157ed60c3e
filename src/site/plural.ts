/**
 * A count with its noun: `1 record`, `1,234 records`. Pure, so the record page, the graph views
 * and the workspace all count the same way.
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
