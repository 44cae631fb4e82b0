import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Reply } from './form-field'
import { Paragraphs } from './localized'

export type ThreadMessage = { id: number; author: 'visitor' | 'organisation'; body: string; at: string; when: string }

/**
 * The messages of a conversation, oldest first. Each side names the author its own way
 * (the visitor sees the organisation, never the member who wrote); the text is the
 * writer's, in whatever language and direction they wrote it.
 */
export function Thread<M extends ThreadMessage>({ messages, label, author }: { messages: M[]; label: string; author: (message: M) => ReactNode }) {
  return (
    <ol className="thread" aria-label={label}>
      {messages.map((message) => (
        <li key={message.id} className={`message message-${message.author}`}>
          <p className="meta">
            <strong>{author(message)}</strong> · <time dateTime={message.at}>{message.when}</time>
          </p>
          <div dir="auto" className="message-body">
            <Paragraphs text={message.body} />
          </div>
        </li>
      ))}
    </ol>
  )
}

/** One checkbox that must be ticked, its label a sentence with a name in it, its error next to it. */
export function ConsentField({ name, reply, children }: { name: string; reply: Reply; children: ReactNode }) {
  const { t } = useTranslation('conversations')
  const error = reply?.errors[name]
  const id = `field-${name}`
  return (
    <div className="field consent">
      <div className="check">
        <input
          id={id}
          name={name}
          type="checkbox"
          value="yes"
          required
          defaultChecked={reply?.values[name] === 'yes'}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <label htmlFor={id}>{children}</label>
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {t(error)}
        </p>
      ) : null}
    </div>
  )
}
