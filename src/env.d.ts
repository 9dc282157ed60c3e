/// <reference types="astro/client" />

/** Each browser script's URL, by name (src/build/browser-scripts-plugin.ts). */
declare module 'virtual:atlas/browser-scripts' {
  const urls: Record<import('./build/browser-scripts-plugin').BrowserScriptName, string>;
  export default urls;
}

/** The workspace checker's worker script URL (src/build/browser-scripts-plugin.ts). */
declare module 'virtual:atlas/workspace-worker-url' {
  const url: string;
  export default url;
}
