import { demoAccounts, logIn, mailTo, messages, newConfirmedAccount } from './accounts'
import { expect, test } from './fixtures'


test.use({ signsIn: true })


for (const javaScriptEnabled of [true, false]) {
  test(`admin makes a coordinator, who invites an editor to an imported organisation ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, async ({ browser, baseURL, extraHTTPHeaders, request }) => {
    const de = { account: messages('de', 'account'), manage: messages('de', 'manage') }
    const ar = { account: messages('ar', 'account'), manage: messages('ar', 'manage') }
    const newContext = () => browser.newContext({ baseURL, javaScriptEnabled, extraHTTPHeaders })

    // The administrator gives a new person the coordinator role (in German).
    const coordinator = await newConfirmedAccount(request, baseURL!, 'ar')
    const adminContext = await newContext()
    const admin = await adminContext.newPage()
    await logIn(admin, 'de', demoAccounts.admin)
    await admin.getByRole('link', { name: de.account.manage.users }).click()
    await admin.getByRole('searchbox', { name: de.manage.users.find }).fill(coordinator.email)
    await admin.getByRole('search', { name: de.manage.users.find }).getByRole('button', { name: de.manage.users.search }).click()
    await expect(admin.locator('.sessions li')).toHaveCount(1)
    await admin.getByRole('button', { name: de.manage.users.grant.coordinator }).click()
    await expect(admin.locator('.form-done')).toHaveText(de.manage.users.done.grant)
    await expect(admin.locator('.sessions li')).toContainText(de.account.roles.coordinator)
    await adminContext.close()

    // The coordinator (reading Arabic) invites an editor to an organisation nobody looks after yet.
    const coordinatorContext = await newContext()
    const page = await coordinatorContext.newPage()
    await logIn(page, 'ar', coordinator)
    await page.getByRole('link', { name: 'Diakonie: Migrationsberatung für Erwachsene (MBE)' }).click()
    await expect(page).toHaveURL('/ar/manage/organisations/diakonie-mbe/members')
    const invitee = `invitee-${javaScriptEnabled ? 'js' : 'html'}-${process.pid}-${Date.now()}@example.org`
    const started = Date.now()
    await page.getByLabel(ar.account.fields.email).fill(invitee)
    await page.getByLabel(ar.manage.members.role).selectOption('editor')
    await page.getByRole('button', { name: ar.manage.members.send }).click()
    await expect(page.locator('.form-done')).toHaveText(ar.manage.members.done.invite)
    await expect(page.getByText(invitee)).toBeVisible()
    await coordinatorContext.close()

    // The invitee gets the e-mail in Arabic, signs up, confirms, signs in and accepts.
    const invitation = await mailTo(invitee, started - 1000, messages('ar', 'mail').invitation.subject.replace('{{organisation}}', 'Diakonie: Migrationsberatung für Erwachsene (MBE)'))
    const account = await newConfirmedAccount(request, baseURL!, 'ar', invitee)
    const inviteeContext = await newContext()
    const inviteePage = await inviteeContext.newPage()
    await inviteePage.goto(new URL(invitation.link!).pathname)
    await expect(inviteePage.getByText(ar.manage.invitation.signInFirst)).toBeVisible()
    await inviteePage.getByRole('link', { name: ar.account.nav.login }).last().click()
    await inviteePage.getByLabel(ar.account.fields.email).fill(account.email)
    await inviteePage.getByLabel(ar.account.fields.password).fill(account.password)
    await inviteePage.getByRole('button', { name: ar.account.login.submit }).click()
    await expect(inviteePage).toHaveURL(new URL(invitation.link!).pathname)
    await inviteePage.getByRole('button', { name: ar.manage.invitation.accept }).click()
    await expect(inviteePage).toHaveURL('/ar/manage')
    await expect(inviteePage.locator('main')).toContainText('Diakonie: Migrationsberatung für Erwachsene (MBE)')
    await expect(inviteePage.locator('main')).toContainText(ar.account.roles.editor)
    // The link works once.
    await inviteePage.goto(new URL(invitation.link!).pathname)
    await expect(inviteePage.locator('.form-error')).toHaveText(ar.account.errors.linkInvalid)
    await inviteeContext.close()
  })
}
