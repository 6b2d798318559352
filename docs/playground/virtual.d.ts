/** The URL of the demo database snapshot (a gzipped PGlite data directory), made by vite-plugin.ts. */
declare module 'virtual:chainkit-playground-db' {
  const url: string;
  export default url;
}
