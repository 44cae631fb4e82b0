import type { Db } from '../db/client'
import { systemClock } from '../db/clock'
import { seedConversation, type SeededConversation } from '../db/commands/conversations'
import { commandContext } from '../search/context'

const hour = 60
const dayAgo = 24 * hour

/**
 * Two answers to demo postings, with fixed ids and links: one to the organisation the demo
 * owner and editor look after, one to an organisation they do not (the authorisation
 * matrix in tests/e2e/http/routes.ts names both). Visitors' links of the demo are public
 * knowledge, like the demo passwords; a real installation has no demo.
 */
export const demoConversations: SeededConversation[] = [
  {
    id: 'demo-caritas',
    token: 'demo-conversation-caritas-2026',
    posting: 'p-218',
    visitor: { name: 'Amal', email: 'amal@besuch.example', phone: '+49 151 0000 0001', locale: 'ar' },
    messages: [
      { author: 'visitor', body: 'مرحبًا، لديّ موعد مقابلة في BAMF بعد ثلاثة أسابيع. هل يمكنكم مساعدتي في التحضير؟ أتكلم العربية فقط.', minutesAgo: 3 * dayAgo },
      { author: 'organisation', body: 'Guten Tag, gern. Kommen Sie am Dienstag um 10 Uhr in unsere Beratung, eine Kollegin übersetzt ins Arabische.\n\nBitte bringen Sie Ihre Ladung zur Anhörung mit.', minutesAgo: 2 * dayAgo },
      { author: 'visitor', body: 'شكرًا جزيلًا، سآتي يوم الثلاثاء.', minutesAgo: 5 * hour },
    ],
  },
  {
    id: 'demo-diakonie',
    token: 'demo-conversation-diakonie-2026',
    posting: 'p-454',
    visitor: { name: 'Dmytro', email: 'dmytro@besuch.example', locale: 'uk' },
    messages: [{ author: 'visitor', body: 'Добрий день! Я інженер з України. Які документи потрібні для визнання мого диплома?', minutesAgo: dayAgo }],
  },
]

export function seedDemoConversations(db: Db): number {
  const context = commandContext(db, null, systemClock)
  for (const conversation of demoConversations) seedConversation(context, conversation)
  return demoConversations.length
}
