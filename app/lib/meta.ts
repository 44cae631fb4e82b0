/** `<title>` of a page: its own title, then the site's name. */
export function pageMeta(title: string | undefined, description?: string) {
  return [
    { title: title ? `${title} – Treffpunkt` : 'Treffpunkt' },
    ...(description ? [{ name: 'description', content: description }] : []),
  ]
}

/** Passes an action's Retry-After (a 429 from a rate limit) on to the document response. */
export function retryAfterHeaders({ actionHeaders }: { actionHeaders: Headers }): HeadersInit {
  const retryAfter = actionHeaders.get('Retry-After')
  return retryAfter ? { 'Retry-After': retryAfter } : {}
}
