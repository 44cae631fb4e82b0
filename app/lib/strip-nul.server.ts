import { Transform, type TransformCallback } from 'node:stream'

/**
 * Removes NUL bytes from a rendered page. React 18's streaming renderer encodes into a
 * reused 2,048-byte buffer and, when a multi-byte character does not fit at its end,
 * flushes the whole buffer, unwritten zero bytes included (fixed in React 19 by
 * facebook/react#26228). Legitimate HTML never contains NUL, and in UTF-8 a 0x00 byte is
 * never part of another character, so dropping every 0x00 byte repairs the stream exactly.
 */
export function stripNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      if (chunk.indexOf(0) === -1) return done(null, chunk)
      done(null, Buffer.from(chunk.filter((byte) => byte !== 0)))
    },
  })
}
