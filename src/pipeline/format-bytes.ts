/** Byte counts for people: `512 B`, `4.2 KiB`, `9.9 MiB`. Pure, so messages, pages and the CLI agree. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
