/** A page script's URL (the `?script` import of vite.config.ts). */
declare module '*?script' {
  const src: string
  export default src
}
