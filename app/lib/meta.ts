/** `<title>` of a page: its own title, then the site's name. */
export function pageMeta(title: string | undefined, description?: string) {
  return [
    { title: title ? `${title} – Treffpunkt` : 'Treffpunkt' },
    ...(description ? [{ name: 'description', content: description }] : []),
  ]
}
