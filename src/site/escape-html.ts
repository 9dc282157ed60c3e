const HTML_SPECIAL = /[&<>"']/;
const TEXT_SPECIAL = /[&<>]/;

/** Text to HTML-safe text (also safe inside double- or single-quoted attributes). Pure: the browser uses it too. */
export function escapeHtml(s: string): string {
  // Most values (ids, names, kinds) hold none of these: skip the five passes.
  if (!HTML_SPECIAL.test(s)) return s;
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Text for element content only (never an attribute): `&`, `<` and `>` are all that need escaping there. */
export function escapeText(s: string): string {
  if (!TEXT_SPECIAL.test(s)) return s;
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
