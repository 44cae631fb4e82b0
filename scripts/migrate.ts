import { start } from './cli'

const { env, db } = start()
console.log(`${env.DATABASE_PATH} is migrated`)
db.$client.close()
