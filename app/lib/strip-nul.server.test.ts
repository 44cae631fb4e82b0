import { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createElement } from 'react'
import { renderToPipeableStream } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { stripNulBytes } from './strip-nul.server'

/** Renders a page with React's streaming renderer, optionally through the filter, and returns its bytes. */
async function render(items: string[], filter: boolean): Promise<Buffer> {
  const chunks: Buffer[] = []
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk))
      done()
    },
  })
  const list = items.map((text, index) => createElement('li', { key: index, title: text }, text))
  const page = createElement('html', null, createElement('body', null, createElement('ul', null, list)))
  await new Promise<void>((resolve, reject) => {
    const { pipe } = renderToPipeableStream(page, {
      onAllReady() {
        if (filter) {
          const strip = stripNulBytes()
          pipe(strip)
          pipeline(strip, sink).then(resolve, reject)
        } else {
          pipe(sink)
          sink.on('finish', resolve)
        }
      },
      onShellError: reject,
    })
  })
  return Buffer.concat(chunks)
}

// Short chunks of two-byte Cyrillic letters, as a list page writes them: sooner or later
// one straddles the end of React's 2,048-byte view, in a text or in an attribute.
const boundary = Array.from({ length: 200 }, (_, index) => `Для кого ${index}: Курси`)

describe('stripNulBytes', () => {
  test('React 18 alone puts NUL bytes into a page whose multi-byte text crosses 2,048 bytes', async () => {
    // The positive control: without it, the test below could pass on a renderer that had no fault.
    const raw = await render(boundary, false)
    expect(raw.includes(0)).toBe(true)
  })

  test('the filtered page has no NUL byte and the text arrives whole', async () => {
    const html = await render(boundary, true)
    expect(html.includes(0)).toBe(false)
    const text = html.toString('utf8')
    expect(text).not.toContain('\ufffd')
    for (const item of boundary) expect(text).toContain(`<li title="${item}">${item}</li>`)
  })

  test('chunks without NUL pass through unchanged', async () => {
    const strip = stripNulBytes()
    const out: Buffer[] = []
    strip.on('data', (chunk: Buffer) => out.push(chunk))
    strip.end(Buffer.from('<p>سلام</p>'))
    await new Promise((resolve) => strip.on('end', resolve))
    expect(Buffer.concat(out).toString('utf8')).toBe('<p>سلام</p>')
  })
})
