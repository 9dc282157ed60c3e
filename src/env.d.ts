/// <reference types="astro/client" />

/** URLs of the browser scripts bundled by esbuild (src/build/esbuild-bundles-plugin.ts). */
declare module 'virtual:esbuild-bundle/*' {
  const url: string;
  export default url;
}
