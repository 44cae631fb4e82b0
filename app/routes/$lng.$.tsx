/** Any path no route knows: the root error boundary renders the translated 404. */
export function loader() {
  throw new Response('Not found', { status: 404 })
}

export default function NotFound() {
  return null
}
