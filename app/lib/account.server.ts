import { rejected } from './forms.server'

/** Too many attempts: 429 with Retry-After and a translated message; what was typed stays. */
export function tooMany(values: Record<string, string>, seconds: number) {
  return rejected({ form: 'account:errors.tooMany' }, values, 429, { 'Retry-After': String(seconds) })
}
