import type { z } from 'zod'

export type ExchangeError = { path: string; message: string }

/** `['postings', 3, 'category']` → `$.postings[3].category`, the form the CLI prints. */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '$'
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(String(segment))) out += `.${String(segment)}`
    else out += `[${JSON.stringify(String(segment).slice(0, 60))}]`
  }
  return out
}

export function fromZodIssues(issues: ReadonlyArray<z.core.$ZodIssue>): ExchangeError[] {
  const errors: ExchangeError[] = []
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors.push({ path: jsonPath([...issue.path, key]), message: 'unknown key' })
    } else if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined) {
      errors.push({ path: jsonPath(issue.path), message: 'is required' })
    } else {
      errors.push({ path: jsonPath(issue.path), message: issue.message })
    }
  }
  return errors
}

export function formatErrors(errors: ExchangeError[]): string[] {
  return errors.map((error) => `${error.path}: ${error.message}`)
}
