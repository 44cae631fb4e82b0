import fs from 'node:fs'
import Database from 'better-sqlite3'
import { databaseFile, mailTo, messages, newConfirmedAccount } from './accounts'
import { expect, test } from './fixtures'

const pathOf = (link: string) => new URL(link).pathname
let people = 0

test.use({ signsIn: true })

for (const javaScriptEnabled of [true, false]) {
  for (const lng of ['de', 'ar']) {
    test(`sign up, confirm, log in, change password, export and delete in ${lng} ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, async ({ browser, baseURL, extraHTTPHeaders }) => {
      const a = messages(lng, 'account')
      const mail = messages(lng, 'mail')
      const context = await browser.newContext({ baseURL, javaScriptEnabled, extraHTTPHeaders })
      const page = await context.newPage()
      const email = `journey-${lng}-${javaScriptEnabled ? 'js' : 'html'}-${process.pid}-${++people}@example.org`
      const password = 'Lindenblatt-Kaffee-Runde-7'
      const started = Date.now()

      await page.goto(`/${lng}/signup`)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(a.signup.title)
      // A weak password is refused next to its field, and what was typed stays.
      await page.getByLabel(a.fields.name).fill('Layla Beispiel')
      await page.getByLabel(a.fields.email).fill(email)
      await page.getByLabel(a.fields.password).fill('password1234')
      await page.getByRole('button', { name: a.signup.submit }).click()
      await expect(page.locator('.field-error')).toHaveText(a.errors.password.common)
      await expect(page.getByLabel(a.fields.email)).toHaveValue(email)
      await expect(page.getByLabel(a.fields.name)).toHaveValue('Layla Beispiel')
      await page.getByLabel(a.fields.password).fill(password)
      await page.getByRole('button', { name: a.signup.submit }).click()
      await expect(page.locator('.form-done')).toHaveText(a.signup.sent)

      const confirmation = await mailTo(email, started - 1000, mail.confirm.subject)
      expect(confirmation.html).toContain(`lang="${lng}" dir="${lng === 'ar' ? 'rtl' : 'ltr'}"`)
      await page.goto(pathOf(confirmation.link!))
      await page.getByRole('button', { name: a.confirm.submit }).click()
      await expect(page).toHaveURL(new RegExp(`/${lng}/login\\?done=confirmed$`))
      await expect(page.locator('.form-done')).toHaveText(a.login.confirmed)

      await page.getByLabel(a.fields.email).fill(email)
      await page.getByLabel(a.fields.password).fill(password)
      await page.getByRole('button', { name: a.login.submit }).click()
      await expect(page).toHaveURL(`/${lng}/manage`)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(a.manage.title)

      // A second device signs in too.
      const other = await browser.newContext({ baseURL, extraHTTPHeaders })
      const otherPage = await other.newPage()
      await otherPage.goto(`/${lng}/login`)
      await otherPage.getByLabel(a.fields.email).fill(email)
      await otherPage.getByLabel(a.fields.password).fill(password)
      await otherPage.getByRole('button', { name: a.login.submit }).click()
      await expect(otherPage).toHaveURL(`/${lng}/manage`)

      await page.goto(`/${lng}/account`)
      await expect(page.locator('.sessions li')).toHaveCount(2)
      const passwordForm = page.locator('form[aria-labelledby="password"]')
      await passwordForm.getByLabel(a.fields.currentPassword).fill(password)
      await passwordForm.getByLabel(a.fields.newPassword).fill('Ein-ganz-neues-Kennwort-8')
      await passwordForm.getByRole('button', { name: a.account.changePassword }).click()
      await expect(page.locator('.form-done')).toHaveText(a.account.passwordChanged)
      await expect(page.locator('.sessions li')).toHaveCount(1)
      // The other device is signed out.
      await otherPage.goto(`/${lng}/account`)
      await expect(otherPage).toHaveURL(new RegExp(`/${lng}/login\\?redirectTo=`))
      await other.close()

      const download = page.waitForEvent('download')
      await page.getByRole('link', { name: a.account.export }).click()
      const exported = JSON.parse(fs.readFileSync(await (await download).path(), 'utf8'))
      expect(exported.account).toMatchObject({ email, name: 'Layla Beispiel', locale: lng })
      expect(JSON.stringify(exported)).not.toContain('argon2')

      await page.getByRole('link', { name: a.account.delete }).click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(a.delete.title)
      await page.getByLabel(a.fields.currentPassword).fill('Ein-ganz-neues-Kennwort-8')
      await page.getByRole('button', { name: a.delete.submit }).click()
      await expect(page).toHaveURL(new RegExp(`/${lng}\\?done=deleted$`))
      expect(await context.cookies()).toEqual([])
      const db = new Database(databaseFile, { readonly: true })
      expect(db.prepare('select count(*) n from users where email = ?').get(email)).toEqual({ n: 0 })
      db.close()
      await context.close()
    })
  }

  test(`a forgotten password is reset by e-mail ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, async ({ browser, baseURL, extraHTTPHeaders, request }) => {
    const a = messages('ar', 'account')
    const context = await browser.newContext({ baseURL, javaScriptEnabled, extraHTTPHeaders })
    const page = await context.newPage()
    const { email } = await newConfirmedAccount(request, baseURL!, 'ar')
    const started = Date.now()
    await page.goto('/de/login')
    await page.getByRole('link', { name: messages('de', 'account').login.forgot }).click()
    await expect(page).toHaveURL('/de/reset')
    await page.goto('/ar/login')
    await page.getByRole('link', { name: a.login.forgot }).click()
    await expect(page).toHaveURL('/ar/reset')
    await page.getByLabel(a.fields.email).fill(email)
    await page.getByRole('button', { name: a.reset.submit }).click()
    await expect(page.locator('.form-done')).toHaveText(a.reset.sent)
    // She reads Arabic: the e-mail is in Arabic, whatever page asked for it.
    // The confirmation e-mail went to the same address just before: wait for the reset one.
    const reset = await mailTo(email, started - 1000, messages('ar', 'mail').reset.subject)
    await page.goto(pathOf(reset.link!))
    const newPassword = `Neues-Redaktions-Kennwort-${javaScriptEnabled ? 'js' : 'html'}-${process.pid}`
    await page.getByLabel(a.fields.newPassword).fill(newPassword)
    await page.getByRole('button', { name: a.resetSet.submit }).click()
    await expect(page).toHaveURL('/ar/login?done=passwordReset')
    await page.getByLabel(a.fields.email).fill(email)
    await page.getByLabel(a.fields.password).fill(newPassword)
    await page.getByRole('button', { name: a.login.submit }).click()
    await expect(page).toHaveURL('/ar/manage')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(a.manage.title)
    await context.close()
  })
}
