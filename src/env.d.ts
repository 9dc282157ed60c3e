/// <reference types="astro/client" />

/** The workspace checker's script URL (src/build/workspace-worker-plugin.ts). */
declare module 'virtual:atlas-workspace-worker' {
  const url: string;
  export default url;
}
