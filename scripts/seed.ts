import { seedDemo } from '../db/seed/demo'
import { start } from './cli'
import { commandContext } from '../search/context'

const { db } = start()
const started = performance.now()
const counts = seedDemo(commandContext(db, null))
const total = (kind: keyof typeof counts) => counts[kind].created + counts[kind].updated + counts[kind].unchanged
console.log(
  `seeded the demo municipality: ${total('organisations')} organisations, ${total('postings')} postings, ` +
    `${total('workingGroups')} working groups in ${Math.round(performance.now() - started)} ms`,
)
