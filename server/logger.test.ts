import { expect, test } from 'vitest'
import { loggablePath } from './logger'

test('logged paths keep no search text and no secret from a link', () => {
  expect(loggablePath('/ar/search?q=%D8%AF%D9%88%D8%B1%D8%A9&district=oststadt')).toBe('/ar/search')
  expect(loggablePath('/de/confirm/RH-ULlakI8WzQQnUgh8kf-DYCvDj8zBS')).toBe('/de/confirm/:token')
  expect(loggablePath('/uk/reset/abcdefghijklmnopqrstuvwxyz123456')).toBe('/uk/reset/:token')
  expect(loggablePath('/de/invitations/abcdefghijklmnopqrstuvwxyz')).toBe('/de/invitations/:token')
  expect(loggablePath('/feeds/me/abcdef.ics')).toBe('/feeds/me/:token')
  // The page that asks for a reset link is no secret.
  expect(loggablePath('/de/reset')).toBe('/de/reset')
})
