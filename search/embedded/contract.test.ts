import { importExchange } from '../../db/exchange'
import { testDatabase } from '../../tests/db'
import { searchContract } from '../contract/suite'
import { createEmbeddedEngine } from './engine'
import { commandContext } from '../context'

searchContract('embedded', async (file, today) => {
  const { db } = testDatabase()
  const outcome = importExchange(commandContext(db, null), file, { today })
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors))
  return createEmbeddedEngine(db)
})
