/**
 * NUL and the other C0 control characters (tab and line breaks excepted) and DEL never
 * belong in a text a person typed or imported: NUL ends the text for search engines and
 * mail clients, escape sequences reach terminals through logs. Every input refuses or
 * removes them before anything is stored.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const controlCharacter = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

// eslint-disable-next-line no-control-regex -- as above, line breaks and tabs included
const anyControl = /[\u0000-\u001f\u007f]/g

/** One-line input (a search query, a name): every control character becomes a space. */
export function controlsToSpaces(text: string): string {
  return text.replace(anyControl, ' ')
}

/** `U+0000`: how an error message names the first control character of a text. */
export function firstControlCharacter(text: string): string | undefined {
  const char = controlCharacter.exec(text)?.[0]
  return char === undefined ? undefined : `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
}
