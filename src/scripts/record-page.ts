/** A record page's script: the widgets its template-string markup writes (src/site/record-page-html.ts). */
import './copy-button';
import './pin-button';
import './record-tabs';
import './graph/record-graph';

// Only records with an Article tab need the article's code-block buttons and diagrams.
if (document.querySelector('.wiki-article')) void import('./wiki-article');
