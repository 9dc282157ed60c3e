/** Text to HTML-safe text (also safe inside double- or single-quoted attributes). Pure: the browser uses it too. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Text for element content only (never an attribute): `&`, `<` and `>` are all that need escaping there. */
export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
