import { importExchange } from '../../db/exchange'
import { testDatabase } from '../../tests/db'
import { searchContract } from '../contract/suite'
import { createEmbeddedEngine } from './engine'
import { indexImport } from './writer'

searchContract('embedded', async (file, today) => {
  const { db } = testDatabase()
  const outcome = importExchange(db, file, { today, afterWrite: indexImport })
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors))
  return createEmbeddedEngine(db)
})
