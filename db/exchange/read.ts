import type { ExchangeError } from './errors'

export const maxFileBytes = 256 * 1024 * 1024

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Bytes → JSON value, with errors an administrator can act on (line and column, not offsets). */
export function parseJsonBytes(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false; errors: ExchangeError[] } {
  if (bytes.byteLength > maxFileBytes) {
    return fail(`the file is too large (${bytes.byteLength} bytes, at most ${maxFileBytes})`)
  }
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    return fail(`the file is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)})`)
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  if (text.trim() === '') return fail('the file is empty, expected a JSON object')
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (error) {
    return fail(`not valid JSON: ${describeJsonError(error as Error, text)}`)
  }
}

function fail(message: string) {
  return { ok: false as const, errors: [{ path: '$', message }] }
}

function describeJsonError(error: Error, text: string): string {
  const message = error.message.replace(/\s*\(line \d+ column \d+\)$/, '')
  const position = /at position (\d+)/.exec(message)
  if (!position) return message.slice(0, 200)
  const offset = Number(position[1])
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  const column = offset - before.lastIndexOf('\n')
  return `${message.replace(/,? ?"[^"]*" is not valid JSON/, '').replace(/ in JSON at position \d+/, '').slice(0, 160)} at line ${line}, column ${column}`
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const byte = bytes[i]
    const length = byte < 0x80 ? 1 : byte >> 5 === 0b110 ? 2 : byte >> 4 === 0b1110 ? 3 : byte >> 3 === 0b11110 ? 4 : 0
    if (length === 0) return i
    for (let k = 1; k < length; k++) if ((bytes[i + k] ?? 0) >> 6 !== 0b10) return i
    i += length
  }
  return i
}
