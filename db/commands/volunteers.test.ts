import { describe, expect, test } from 'vitest'
import { volunteeringSetup } from '../../tests/fixtures/volunteering'
import { Forbidden } from '../permissions'
import { setLanguages } from './translations'
import { addSkill, defaultSkills, findVolunteers, ownProfile, profileOf, removeSkill, renameSkill, setProfile, skillFromForm, skillList } from './volunteers'

const full = { skills: 'driving,accompaniment', districts: 'oststadt', availability: 'tue-morning,thu-evening', reminders: 'off', mailFrequency: 'daily' }

describe('the volunteer profile', () => {
  test('a volunteer saves skills, districts, availability, reminders and e-mail choice; the languages stay as set', async () => {
    const { as, db, ids } = await volunteeringSetup()
    expect(setLanguages(as('amal'), { speaks: 'ar,de', writes: 'ar' }).ok).toBe(true)
    expect(setProfile(as('amal'), full).ok).toBe(true)
    expect(ownProfile(db, ids.amal)).toEqual({ speaks: ['ar', 'de'], writes: ['ar'], skills: ['driving', 'accompaniment'], districts: ['oststadt'], availability: ['tue-morning', 'thu-evening'], reminders: false, mailFrequency: 'daily' })
    // Saving the languages again leaves the rest alone.
    expect(setLanguages(as('amal'), { speaks: 'ar', writes: '' }).ok).toBe(true)
    expect(ownProfile(db, ids.amal)).toMatchObject({ speaks: ['ar'], skills: ['driving', 'accompaniment'], mailFrequency: 'daily' })
    // Without a profile: reminders on, each e-mail.
    expect(ownProfile(db, ids.dieter)).toMatchObject({ reminders: true, mailFrequency: 'each', skills: [] })
  })

  test('unknown skills, districts, slots and choices are refused and nothing is stored', async () => {
    const { as, count } = await volunteeringSetup()
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ ...full, skills: 'flying' }, 'skills'],
      [{ ...full, districts: 'mars' }, 'districts'],
      [{ ...full, availability: 'tue-night' }, 'availability'],
      [{ ...full, reminders: 'maybe' }, 'reminders'],
      [{ ...full, mailFrequency: 'hourly' }, 'mailFrequency'],
      [{ ...full, mailFrequency: undefined }, 'mailFrequency'],
    ]
    for (const [input, field] of bad) {
      const outcome = setProfile(as('amal'), input)
      expect(outcome.ok).toBe(false)
      if (!outcome.ok) expect(Object.keys(outcome.errors)).toEqual([field])
    }
    expect(count('volunteer_profiles')).toBe(0)
    expect(() => setProfile({ ...as('amal'), actor: null }, full)).toThrow(Forbidden)
  })

  test('coordinators and the leads of a group the volunteer is in may see the profile; nobody else', async () => {
    const { as, db, ids, join } = await volunteeringSetup()
    expect(setProfile(as('amal'), full).ok).toBe(true)
    expect(profileOf(db, as('coordinator').actor, ids.amal).skills).toEqual(['driving', 'accompaniment'])
    expect(profileOf(db, as('lead').actor, ids.amal).districts).toEqual(['oststadt'])
    expect(() => profileOf(db, as('dieter').actor, ids.amal)).toThrow(Forbidden)
    expect(() => profileOf(db, null, ids.amal)).toThrow(Forbidden)
    // A lead of another group, and a lead of the group someone only asked to join, may not.
    join('cafe-ost', ids.outsider, 'lead')
    expect(() => profileOf(db, as('outsider').actor, ids.amal)).toThrow(Forbidden)
    expect(() => profileOf(db, as('lead').actor, ids.asking)).toThrow(Forbidden)
  })
})

describe('the skills list', () => {
  test('starts with the default list; coordinators add, rename and remove skills; a removed skill leaves every profile', async () => {
    const { as, db, ids } = await volunteeringSetup()
    expect(skillList(db)).toEqual(defaultSkills)
    expect(defaultSkills.every((skill) => Object.keys(skill.label).sort().join() === 'ar,de,en,fa,ru,tr,uk')).toBe(true)
    const added = addSkill(as('coordinator'), skillFromForm({ 'label.de': 'Gärtnern', 'label.ar': 'البستنة', 'label.en': '' }))
    expect(added).toEqual({ ok: true, value: { id: 'gaertnern' } })
    expect(skillList(db).map((skill) => skill.id)).toEqual([...defaultSkills.map((skill) => skill.id), 'gaertnern'])
    expect(addSkill(as('coordinator'), skillFromForm({ 'label.de': 'gärtnern' }))).toMatchObject({ ok: false, errors: { 'label.de': 'volunteering:people.errors.skillTaken' } })
    expect(renameSkill(as('coordinator'), skillFromForm({ skill: 'gaertnern', 'label.de': 'Gartenarbeit', 'label.en': 'Gardening' })).ok).toBe(true)
    expect(skillList(db).find((skill) => skill.id === 'gaertnern')?.label).toEqual({ de: 'Gartenarbeit', en: 'Gardening' })
    expect(setProfile(as('amal'), { ...full, skills: 'gaertnern,driving' }).ok).toBe(true)
    expect(removeSkill(as('coordinator'), { skill: 'gaertnern' }).ok).toBe(true)
    expect(ownProfile(db, ids.amal).skills).toEqual(['driving'])
    expect(skillList(db).some((skill) => skill.id === 'gaertnern')).toBe(false)
  })

  test('only coordinators keep the list; bad input changes nothing', async () => {
    const { as, db } = await volunteeringSetup()
    expect(() => addSkill(as('lead'), { label: { de: 'X' } })).toThrow(Forbidden)
    expect(() => removeSkill(as('amal'), { skill: 'driving' })).toThrow(Forbidden)
    expect(addSkill(as('coordinator'), { label: { en: 'Only English' } })).toMatchObject({ ok: false, errors: { 'label.de': expect.any(String) } })
    expect(addSkill(as('coordinator'), { label: { de: 'a\u0000b' } })).toMatchObject({ ok: false })
    expect(renameSkill(as('coordinator'), { skill: 'nope', label: { de: 'X' } })).toMatchObject({ ok: false, errors: { form: 'volunteering:people.errors.chooseSkill' } })
    expect(removeSkill(as('coordinator'), { skill: '' })).toMatchObject({ ok: false, errors: { form: 'volunteering:people.errors.chooseSkill' } })
    expect(skillList(db)).toEqual(defaultSkills)
  })
})

describe('finding volunteers', () => {
  test('"speaks Dari, accompanies to authorities, Tuesday mornings" finds exactly those, with no address', async () => {
    const { as, ids, db } = await volunteeringSetup()
    setLanguages(as('outsider'), { speaks: 'prs,de', writes: '' })
    setProfile(as('outsider'), { ...full, skills: 'accompaniment', availability: 'tue-morning' })
    setLanguages(as('amal'), { speaks: 'fa,ar', writes: '' })
    setProfile(as('amal'), { ...full, skills: 'accompaniment', availability: 'tue-afternoon' })
    setLanguages(as('dieter'), { speaks: 'de', writes: '' })
    setProfile(as('dieter'), { ...full, skills: 'accompaniment', availability: 'tue-morning' })
    const coordinator = as('coordinator').actor
    const found = findVolunteers(db, coordinator, { language: 'fa', skill: 'accompaniment', availability: 'tue-morning' })
    expect(found.total).toBe(1)
    expect(found.rows).toEqual([{ id: ids.outsider, name: 'outsider', speaks: ['prs', 'de'], skills: ['accompaniment'], districts: ['oststadt'], availability: ['tue-morning'] }])
    expect(JSON.stringify(found)).not.toContain('@')
    expect(findVolunteers(db, coordinator, { language: 'prs' }).rows.map((r) => r.name)).toEqual(['amal', 'outsider'])
    expect(findVolunteers(db, coordinator, { district: 'oststadt', skill: 'accompaniment' }).total).toBe(3)
    // No filter: everyone with a profile or in a group (the coordinator has neither; who only asked to join is not in a group yet).
    expect(findVolunteers(db, coordinator, {}).rows.map((r) => r.name)).toEqual(['amal', 'cafe', 'dieter', 'elif', 'lead', 'outsider'])
    expect(findVolunteers(db, coordinator, {}, { limit: 2, offset: 2 }).rows.map((r) => r.name)).toEqual(['dieter', 'elif'])
    expect(() => findVolunteers(db, as('lead').actor, {})).toThrow(Forbidden)
    expect(() => findVolunteers(db, null, {})).toThrow(Forbidden)
  })
})
