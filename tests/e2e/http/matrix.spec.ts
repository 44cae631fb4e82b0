import { demoAccounts, signIn } from '../accounts'
import { expect, test } from '../fixtures'
import { actors, expected, layouts, routeFiles, routeTable, type ActorName } from './routes'

const accountOf: Record<Exclude<ActorName, 'anonymous'>, { email: string; password: string }> = demoAccounts

test('every route module has its rows in the matrix', () => {
  const covered = new Set([...routeTable.map((row) => row.file), ...layouts])
  expect(routeFiles().filter((file) => !covered.has(file))).toEqual([])
  expect(routeTable.filter((row) => !routeFiles().includes(row.file)).map((row) => row.file)).toEqual([])
})

/**
 * The authorisation matrix: every route × GET/POST × actor answers as the table says
 * (size: routes × 2 × actors). POSTs carry our own Origin and an empty form.
 */
test('every route, method and actor answers as the table says', async ({ playwright, baseURL }) => {
  // Nearly a thousand requests, one after another, beside another worker's tests.
  test.setTimeout(120_000)
  const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.7' } })
  const cookies: Partial<Record<ActorName, string>> = {}
  for (const actor of actors) if (actor !== 'anonymous') cookies[actor] = await signIn(playwright, baseURL!, accountOf[actor])
  const mismatches: string[] = []
  let checked = 0
  for (const row of routeTable) {
    for (const method of ['GET', 'POST'] as const) {
      for (const actor of actors) {
        let cookie = cookies[actor]
        if (row.freshSession && method === 'POST' && actor !== 'anonymous') cookie = await signIn(playwright, baseURL!, accountOf[actor])
        const headers: Record<string, string> = { ...(cookie ? { Cookie: cookie } : {}), ...(method === 'POST' ? { Origin: baseURL! } : {}) }
        const response = await request.fetch(row.path, { method, headers, maxRedirects: 0, ...(method === 'POST' ? { form: {} } : {}) })
        checked++
        const want = expected(row, method, actor)
        if (response.status() !== want) mismatches.push(`${method} ${row.path} as ${actor}: ${response.status()}, expected ${want}`)
      }
    }
  }
  expect(mismatches).toEqual([])
  expect(checked).toBe(routeTable.length * 2 * actors.length)
  await request.dispose()
})
