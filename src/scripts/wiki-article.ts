/** Wiki articles: copy buttons on code blocks, diagrams, and the table of contents. */
import './copy-button';
import './mermaid-diagram';
import './wiki-toc';
