import { spawnSync } from 'node:child_process'
import Database from 'better-sqlite3'
import { expect, test } from 'vitest'
import { sampleFile } from '../tests/fixtures/exchange'
import { testDatabase } from '../tests/db'
import { importExchange } from '../db/exchange'
import { commandContext } from '../search/context'

const userCreate = (args: string[], password: string, env: Record<string, string>) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/user-create.ts', ...args], {
    env: { ...process.env, ...env },
    input: `${password}\n`,
    encoding: 'utf8',
  })

test('npm run user:create makes a confirmed account with the password from standard input', () => {
  const { db, file } = testDatabase()
  expect(importExchange(commandContext(db, null), sampleFile(), { today: '2026-12-02' }).ok).toBe(true)
  db.$client.close()
  const env = { DATABASE_PATH: file }

  const admin = userCreate(['--email', 'Admin@Lindenfeld.example', '--role', 'admin'], 'Sonnenblume-Rathaus-17', env)
  expect(admin.stderr).toBe('')
  expect(admin.status).toBe(0)
  const owner = userCreate(['--email', 'owner@lindenfeld.example', '--role', 'volunteer', '--organisation', 'drk-lindenfeld', '--as', 'owner'], 'Teekanne-Beratung-Nord-31', env)
  expect(owner.status).toBe(0)
  // Refused: a weak password (exit 1, the reason), an unknown organisation, a taken address, usage.
  expect(userCreate(['--email', 'weak@lindenfeld.example', '--role', 'admin'], 'password1234', env)).toMatchObject({ status: 1, stderr: '--password: account:errors.password.common\n' })
  expect(userCreate(['--email', 'x@lindenfeld.example', '--role', 'volunteer', '--organisation', 'nowhere'], 'Teekanne-Beratung-Nord-31', env).status).toBe(1)
  expect(userCreate(['--email', 'admin@lindenfeld.example', '--role', 'admin'], 'Sonnenblume-Rathaus-18', env).status).toBe(1)
  expect(userCreate(['--role', 'admin'], 'Sonnenblume-Rathaus-17', env).status).toBe(2)
  expect(userCreate(['--email', 'a@b.example', '--role', 'admin', '--password', 'on-the-command-line'], 'x', env).status).toBe(2)

  const check = new Database(file, { readonly: true })
  const users = check.prepare('select email, confirmed_at is not null as confirmed from users order by email').all()
  expect(users).toEqual([
    { email: 'admin@lindenfeld.example', confirmed: 1 },
    { email: 'owner@lindenfeld.example', confirmed: 1 },
  ])
  expect(check.prepare('select role from user_roles').all()).toEqual([{ role: 'admin' }])
  expect(check.prepare('select organisation_id, role from organisation_members').all()).toEqual([{ organisation_id: 'drk-lindenfeld', role: 'owner' }])
  // The password is stored only as an argon2id hash.
  const hash = (check.prepare("select password_hash from users where email = 'admin@lindenfeld.example'").get() as { password_hash: string }).password_hash
  expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
  check.close()
}, 120_000)
