import type { Page } from '@playwright/test'
import { demoAccounts, fill, logIn, mailTo, messages, newConfirmedAccount } from './accounts'
import { expect, test } from './fixtures'

/**
 * The notice board coming alive, as its people do it in a browser: an advisory centre
 * registers, a coordinator verifies it, it posts a need in German and asks for a
 * translation, a volunteer translates, the editor approves, a visitor finds it in their
 * language and answers, the centre replies, the visitor reads the reply through the
 * e-mailed link. And the other way: a visitor reports, the coordinator hides with a
 * reason, the author appeals, the coordinator restores.
 */
const de = { account: messages('de', 'account'), editor: messages('de', 'editor'), moderation: messages('de', 'moderation'), conversations: messages('de', 'conversations'), mail: messages('de', 'mail') }

test.use({ signsIn: true })


let runs = 0
const runId = () => `${process.pid}${++runs}${Date.now() % 100_000}`

/** A person signs up, registers an advisory centre, and a coordinator verifies it; returns the centre's page. */
async function verifiedCentre(newPage: () => Promise<Page>, request: Parameters<typeof newConfirmedAccount>[0], baseURL: string, id: string) {
  const person = await newConfirmedAccount(request, baseURL, 'de')
  const centre = await newPage()
  await logIn(centre, 'de', person)
  await centre.getByRole('link', { name: de.editor.organisation.newTitle }).click()
  const name = `Beratungszentrum Nord ${id}`
  await centre.getByLabel(de.editor.organisation.name).fill(name)
  await centre.getByLabel(de.editor.organisation.kind).selectOption('advisory_centre')
  await centre.getByLabel(fill(de.editor.organisation.description, { language: 'Deutsch' })).fill('Beratung für Geflüchtete im Norden der Stadt.')
  await centre.getByRole('button', { name: de.editor.organisation.register }).click()
  const slug = `beratungszentrum-nord-${id}`
  await expect(centre).toHaveURL(`/de/manage/organisations/${slug}?done=register`)
  await expect(centre.locator('.form-done')).toHaveText(de.editor.done.register)
  await expect(centre.getByText(de.editor.organisation.notVerified)).toBeVisible()

  // The coordinator finds the new organisation in the queue and verifies it with a reason.
  const started = Date.now()
  const coordinator = await newPage()
  await logIn(coordinator, 'de', demoAccounts.coordinator)
  await coordinator.goto('/de/moderation')
  const item = coordinator.locator('li.hit', { has: coordinator.getByRole('heading', { name }) })
  await item.getByLabel(de.moderation.queue.reason).fill('Gemeinnützige Beratungsstelle, Anschrift geprüft.')
  await item.getByRole('button', { name: de.moderation.intents.verify }).click()
  await expect(coordinator.locator('.form-done')).toHaveText(de.moderation.queue.done.verify)
  await coordinator.context().close()
  await mailTo(person.email, started - 1000, fill(de.mail.decision.verify.subject, { organisation: name }))
  return { person, centre, name, slug }
}

/** The centre posts a need in German and publishes it; returns its id and title. */
async function postNeed(centre: Page, slug: string, title: string, category = 'language') {
  await centre.goto(`/de/manage/organisations/${slug}`)
  await centre.getByRole('link', { name: de.editor.organisation.newPosting }).click()
  await centre.getByLabel(de.editor.posting.need).check()
  await centre.getByLabel(fill(de.editor.posting.title, { language: 'Deutsch' })).fill(title)
  await centre.getByLabel(fill(de.editor.posting.body, { language: 'Deutsch' })).fill('Dienstags von 10 bis 12 Uhr in unserer Beratung. Vorkenntnisse sind nicht nötig.')
  await centre.getByLabel(de.editor.posting.category).selectOption(category)
  await centre.getByRole('button', { name: de.editor.posting.publish }).click()
  await expect(centre.locator('.form-done')).toHaveText(de.editor.done.publish)
  return new URL(centre.url()).pathname.split('/').pop()!
}

const readers = [
  { lng: 'ar', javaScriptEnabled: true, title: 'مطلوب مترجمون متطوعون للغة الدرية', query: 'مترجمون متطوعون' },
  { lng: 'ar', javaScriptEnabled: false, title: 'مطلوب مترجمون متطوعون للغة الدرية', query: 'مترجمون متطوعون' },
  { lng: 'fa', javaScriptEnabled: false, title: 'به ترجمان رضاکار دری نیاز داریم', query: 'ترجمان رضاکار' },
]

for (const { lng, javaScriptEnabled, title, query } of readers) {
  test(`a centre posts in German, a volunteer translates into ${lng}, a visitor finds it and answers, ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, async ({ browser, baseURL, extraHTTPHeaders, request }) => {
    test.setTimeout(120_000)
    const reader = { editor: messages(lng, 'editor'), conversations: messages(lng, 'conversations'), common: messages(lng, 'common'), mail: messages(lng, 'mail'), search: messages(lng, 'search') }
    const newPage = async () => (await browser.newContext({ baseURL, javaScriptEnabled, extraHTTPHeaders })).newPage()
    const id = runId()
    const { person, centre, name, slug } = await verifiedCentre(newPage, request, baseURL!, id)
    const germanTitle = `Ehrenamtliche Dolmetscher für Dari gesucht ${id}`
    const posting = await postNeed(centre, slug, germanTitle)
    const translatedTitle = `${title} ${id}`

    // The centre asks volunteers who write the reader's language for a translation.
    await centre.getByLabel(de.editor.translations.ask).selectOption(lng)
    await centre.getByRole('button', { name: de.editor.translations.send }).click()
    await expect(centre.locator('.form-done')).toHaveText(de.editor.done.requestTranslation)

    // A volunteer who writes that language finds the request on their page and translates.
    const volunteerAccount = await newConfirmedAccount(request, baseURL!, lng)
    const volunteer = await newPage()
    await logIn(volunteer, lng, volunteerAccount)
    await volunteer.goto(`/${lng}/volunteer`)
    await volunteer.locator(`#field-writes-${lng}`).check()
    await volunteer.getByRole('button', { name: reader.editor.volunteer.saveLanguages }).click()
    await expect(volunteer.locator('.form-done')).toHaveText(reader.editor.done.languages)
    const request_ = volunteer.locator('form', { hasText: germanTitle })
    await request_.getByRole('textbox').first().fill(translatedTitle)
    await request_.getByRole('textbox').nth(1).fill(lng === 'ar' ? 'أيام الثلاثاء من العاشرة حتى الثانية عشرة في مركز الاستشارة.' : 'سه‌شنبه‌ها از ساعت ۱۰ تا ۱۲ در دفتر مشوره.')
    const submitted = Date.now()
    await request_.getByRole('button', { name: reader.editor.volunteer.submit }).click()
    await expect(volunteer.locator('.form-done')).toHaveText(reader.editor.done.submitTranslation)
    await volunteer.context().close()

    // The editor is told, reviews and approves it.
    const told = await mailTo(person.email, submitted - 1000, fill(de.mail.translationSubmitted.subject, { title: germanTitle }))
    await centre.goto(new URL(told.link!).pathname + new URL(told.link!).hash)
    await expect(centre.getByLabel(de.editor.translations.fieldTitle, { exact: true })).toHaveValue(translatedTitle)
    await centre.getByRole('button', { name: de.editor.translations.approve }).click()
    await expect(centre.locator('.form-done')).toHaveText(de.editor.done.approveTranslation)

    // A visitor, without an account, finds it in their language, marked as a volunteer's translation, and answers.
    const visitorContext = await browser.newContext({ baseURL, javaScriptEnabled, extraHTTPHeaders })
    const visitor = await visitorContext.newPage()
    await visitor.goto(`/${lng}/search?q=${encodeURIComponent(query)}`)
    await visitor.getByRole('link', { name: translatedTitle }).click()
    await expect(visitor).toHaveURL(`/${lng}/postings/${posting}`)
    await expect(visitor.getByText(reader.common.communityTranslation)).toBeVisible()
    await visitor.getByRole('link', { name: reader.conversations.respond.link }).click()
    const visitorEmail = `visitor-${id}@example.org`
    await visitor.getByLabel(reader.conversations.respond.name).fill('Samira')
    await visitor.getByLabel(reader.conversations.respond.email).fill(visitorEmail)
    await visitor.getByLabel(reader.conversations.respond.message).fill(lng === 'ar' ? 'أستطيع المساعدة أيام الثلاثاء.' : 'من سه‌شنبه‌ها می‌توانم کمک کنم.')
    await visitor.getByRole('checkbox').check()
    const answered = Date.now()
    await visitor.getByRole('button', { name: reader.conversations.respond.submit }).click()
    await expect(visitor.getByText(reader.conversations.respond.sent)).toBeVisible()
    const link = await mailTo(visitorEmail, answered - 1000, fill(reader.mail.conversationStarted.subject, { organisation: name }))
    expect(link.text).not.toContain(person.email)

    // The centre reads the answer in its inbox and replies.
    await mailTo(person.email, answered - 1000, fill(de.mail.conversationNew.subject, { posting: germanTitle }))
    await centre.goto('/de/manage/inbox')
    await centre.getByRole('link', { name: /Samira/ }).first().click()
    await expect(centre.getByText(visitorEmail)).toBeVisible()
    const replied = Date.now()
    await centre.getByLabel(de.conversations.thread.message).fill('Vielen Dank! Kommen Sie gern am Dienstag um 10 Uhr vorbei.')
    await centre.getByRole('button', { name: de.conversations.manage.send }).click()
    await expect(centre.locator('.form-done')).toHaveText(de.conversations.manage.sent)

    // The visitor is told in their language, without the editor's address, and reads the reply through the link.
    const reply = await mailTo(visitorEmail, replied - 1000, fill(reader.mail.conversationReply.subject, { organisation: name }))
    expect(reply.text).toContain('Vielen Dank! Kommen Sie gern am Dienstag um 10 Uhr vorbei.')
    expect(reply.text).not.toContain(person.email)
    await visitor.goto(new URL(link.link!).pathname)
    await expect(visitor.getByText('Vielen Dank! Kommen Sie gern am Dienstag um 10 Uhr vorbei.')).toBeVisible()
    expect(await visitorContext.cookies()).toEqual([])
    await visitorContext.close()
  })
}

for (const javaScriptEnabled of [true, false]) {
  test(`a visitor reports a posting, the coordinator hides it with a reason, the author appeals and it is restored, ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, async ({ browser, baseURL, extraHTTPHeaders, request }) => {
    test.setTimeout(120_000)
    const newPage = async () => (await browser.newContext({ baseURL, javaScriptEnabled, extraHTTPHeaders })).newPage()
    const id = runId()
    const { person, centre, slug } = await verifiedCentre(newPage, request, baseURL!, id)
    const title = `Kinderwagen abzugeben ${id}`
    // Its own category: a posting hidden mid-run must not be the one another test opens from a list.
    const posting = await postNeed(centre, slug, title, 'projects')

    // A visitor reports it (no account).
    const visitorContext = await browser.newContext({ baseURL, javaScriptEnabled, extraHTTPHeaders })
    const visitor = await visitorContext.newPage()
    await visitor.goto(`/de/postings/${posting}`)
    await visitor.getByRole('link', { name: de.moderation.report.linkPosting }).click()
    await visitor.getByLabel(de.moderation.report.reasons.spam).check()
    await visitor.getByLabel(de.moderation.report.note).fill('Das ist Werbung für ein Geschäft.')
    await visitor.getByRole('button', { name: de.moderation.report.submit }).click()
    await expect(visitor.getByText(de.moderation.report.done)).toBeVisible()
    expect(await visitorContext.cookies()).toEqual([])

    // The coordinator hides it with a reason; it leaves the board at once.
    const coordinator = await newPage()
    await logIn(coordinator, 'de', demoAccounts.coordinator)
    await coordinator.goto('/de/moderation')
    const item = coordinator.locator('li.hit', { has: coordinator.getByRole('heading', { name: title }) })
    await expect(item).toContainText('Das ist Werbung für ein Geschäft.')
    const hidden = Date.now()
    const reason = 'Der Eintrag bewirbt ein Geschäft; die Pinnwand ist für kostenlose Hilfe.'
    await item.getByLabel(de.moderation.queue.reason).fill(reason)
    await item.getByRole('button', { name: de.moderation.intents.hide }).click()
    await expect(coordinator.locator('.form-done')).toHaveText(de.moderation.queue.done.hide)
    expect((await request.get(`/de/postings/${posting}`)).status()).toBe(404)

    // The author receives the reason and appeals once.
    const notice = await mailTo(person.email, hidden - 1000, fill(de.mail.decision.hide.subject, { item: title }))
    expect(notice.text).toContain(reason)
    await centre.goto(new URL(notice.link!).pathname)
    await centre.getByLabel(de.moderation.decision.appealField).fill('Es ist ein kostenloses Angebot unserer Beratungsstelle, keine Werbung.')
    await centre.getByRole('button', { name: de.moderation.decision.submit }).click()
    await expect(centre.locator('.form-done')).toHaveText(de.moderation.decision.done)
    await expect(centre.getByLabel(de.moderation.decision.appealField)).toHaveCount(0)

    // The appeal is back in the queue; the coordinator restores the posting.
    await coordinator.goto('/de/moderation')
    const appealed = coordinator.locator('li.hit', { has: coordinator.getByRole('heading', { name: title }) })
    await expect(appealed).toContainText('Es ist ein kostenloses Angebot unserer Beratungsstelle, keine Werbung.')
    await appealed.getByLabel(de.moderation.queue.reason).fill('Nach Rückfrage: kostenloses Angebot.')
    await appealed.getByRole('button', { name: de.moderation.intents.restore }).click()
    await expect(coordinator.locator('.form-done')).toHaveText(de.moderation.queue.done.restore)
    expect((await request.get(`/de/postings/${posting}`)).status()).toBe(200)
    await visitorContext.close()
  })
}
