import type { ReactNode } from 'react'

const candidate = /\bhttps?:\/\/[^\s<>"'`]+/gi
/** Punctuation that ends a sentence rather than the address («… unter https://x.org/plan.»). */
const trailing = /[.,;:!?)\]}»”’]+$/

/** Only http(s) addresses that parse become links. */
function safeHref(text: string): string | null {
  try {
    const url = new URL(text)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

function linkify(text: string): ReactNode[] {
  const parts: ReactNode[] = []
  let last = 0
  for (const match of text.matchAll(candidate)) {
    const shown = match[0].replace(trailing, '')
    const href = safeHref(shown)
    if (!href) continue
    parts.push(text.slice(last, match.index))
    parts.push(
      <a key={match.index} href={href} rel="noopener noreferrer" dir="ltr">
        {shown}
      </a>,
    )
    last = match.index + shown.length
  }
  parts.push(text.slice(last))
  return parts
}

/**
 * Plain text someone wrote, with paragraphs from blank lines and line breaks kept. Web
 * addresses (http and https only) become links that do not pass on where the reader came
 * from; everything else stays text, escaped by React.
 */
export function LinkedText({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/(?:\r?\n[ \t]*){2,}/)
        .map((paragraph) => paragraph.trim())
        .filter((paragraph) => paragraph !== '')
        .map((paragraph, index) => (
          <p key={index}>{linkify(paragraph)}</p>
        ))}
    </>
  )
}
