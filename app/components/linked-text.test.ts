import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { expect, test } from 'vitest'
import { LinkedText } from './linked-text'

const html = (text: string) => renderToStaticMarkup(createElement(LinkedText, { text }))

test('http and https addresses become links that pass on nothing; the sentence keeps its full stop', () => {
  expect(html('Mehr unter https://example.org/plan?a=1&b=2.')).toBe(
    '<p>Mehr unter <a href="https://example.org/plan?a=1&amp;b=2" rel="noopener noreferrer" dir="ltr">https://example.org/plan?a=1&amp;b=2</a>.</p>',
  )
  expect(html('(http://example.org)')).toBe('<p>(<a href="http://example.org/" rel="noopener noreferrer" dir="ltr">http://example.org</a>)</p>')
})

test('everything else stays escaped text', () => {
  for (const text of ['javascript:alert(1)', '<a href="javascript:alert(1)">x</a>', 'data:text/html,<script>alert(1)</script>', 'ftp://example.org', '<img src=x onerror=alert(1)>']) {
    const out = html(text)
    expect(out).not.toContain('<a ')
    expect(out).not.toContain('<img')
    expect(out).not.toContain('<script')
  }
  expect(html('https://ex"ample.org/"onmouseover="alert(1)')).not.toContain('onmouseover="')
  expect(html('https://')).toBe('<p>https://</p>')
})

test('blank lines make paragraphs; single line breaks stay in the text', () => {
  expect(html('Erster Absatz\nzweite Zeile\n\n  \nZweiter Absatz')).toBe('<p>Erster Absatz\nzweite Zeile</p><p>Zweiter Absatz</p>')
})
