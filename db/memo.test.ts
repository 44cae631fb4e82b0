import { expect, test } from 'vitest'
import { testDatabase } from '../tests/db'
import { openDatabase, writeTransaction } from './client'
import { memoByContent } from './memo'

test('a memo holds until a commit changes something, by this connection or another', () => {
  const { db, file } = testDatabase()
  let computed = 0
  const count = () => memoByContent(db, 'districts', () => (computed++, (db.$client.prepare('select count(*) n from districts').get() as { n: number }).n))
  expect(count()).toBe(0)
  expect(count()).toBe(0)
  expect(computed).toBe(1)
  // A transaction that changes nothing leaves it.
  writeTransaction(db, (tx) => tx.$client.prepare("delete from districts where id = 'none'").run())
  count()
  expect(computed).toBe(1)
  writeTransaction(db, (tx) => tx.$client.prepare("insert into districts (id, name) values ('mitte', '{\"de\":\"Mitte\"}')").run())
  expect(count()).toBe(1)
  expect(computed).toBe(2)
  // Another process's commit (here: another connection) is seen too.
  const other = openDatabase(file, { migrate: false })
  other.$client.prepare("insert into districts (id, name) values ('nord', '{\"de\":\"Nord\"}')").run()
  expect(count()).toBe(2)
  expect(computed).toBe(3)
  other.$client.close()
})
