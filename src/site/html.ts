/**
 * HTML written as template strings, for the parts of a record page that repeat per item
 * (attribute values, edges, graph table rows). An Astro component instance goes through Astro's
 * async render machinery; at one instance per attribute and per edge that cost about 0.6 ms of
 * every record page, more than everything else on it. A template string costs microseconds.
 *
 * Escaping is not optional: every value interpolated into `html` is escaped unless it is itself
 * `Html` (made by `html`, or by `trusted` for markup that a sanitizer produced), so text from the
 * atlas can never become markup by accident.
 */
import { escapeHtml } from './escape-html';

/** Markup that is safe to insert as is. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What may be interpolated: text (escaped), markup, lists of either; `false`, `null` and `undefined` print nothing. */
export type HtmlPart = Html | string | number | false | null | undefined | readonly HtmlPart[];

function partText(part: HtmlPart): string {
  if (part === false || part === null || part === undefined) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(partText).join('');
  // Escaped for text and for quoted attribute values alike, so a template need not care where it is.
  return escapeHtml(String(part));
}

/** Tagged template: `html\`<a href="${url}">${name}</a>\`` with `url` and `name` escaped. */
export function html(strings: TemplateStringsArray, ...parts: HtmlPart[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < parts.length; i++) out += partText(parts[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** Markup produced by something that already made it safe (the Markdown sanitizer, the JSON highlighter). */
export function trusted(markup: string): Html {
  return new Html(markup);
}
