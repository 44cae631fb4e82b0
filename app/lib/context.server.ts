/** What our server (server/index.ts) hands every loader and action. */
declare module '@remix-run/node' {
  interface AppLoadContext {
    /** The client's address (behind TRUST_PROXY proxies): the key of per-address rate limits, never logged. */
    clientAddress?: string
  }
}

export {}
