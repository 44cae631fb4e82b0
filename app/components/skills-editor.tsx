import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { Reply } from './form-field'
import { LocaleFields } from './taxonomy-fields'

type Skill = { id: string; shown: string; label: Record<string, string> }

/** The reply of a post, for the one form that sent it. */
function replyOf(reply: Reply, intent: string, skill?: string): Reply {
  if (!reply || reply.done || reply.values.intent !== intent) return undefined
  return skill !== undefined && reply.values.skill !== skill ? undefined : reply
}

/** Coordinators keep the skills volunteers choose from: add, rename (labels per locale), remove. */
export function SkillsEditor({ skills, reply }: { skills: Skill[]; reply: Reply }) {
  const { t } = useTranslation('volunteering')
  const added = replyOf(reply, 'addSkill')
  return (
    <>
      <h2 id="skills">{t('people.skills.title')}</h2>
      <p>{t('people.skills.lead')}</p>
      <ul className="taxonomy-tree">
        {skills.map((skill) => {
          const own = replyOf(reply, 'renameSkill', skill.id) ?? replyOf(reply, 'removeSkill', skill.id)
          return (
            <li key={skill.id}>
              <details open={own ? true : undefined}>
                <summary>
                  <bdi>{skill.shown}</bdi>
                </summary>
                <Form method="post" className="stack" noValidate>
                  <input type="hidden" name="intent" value="renameSkill" />
                  <input type="hidden" name="skill" value={skill.id} />
                  <LocaleFields form={`skill-${skill.id}`} field="label" legend={t('people.skills.label')} hint={t('people.skills.labelHint')} reply={own} values={skill.label} />
                  <button type="submit">{t('people.skills.save')}</button>
                </Form>
                <Form method="post" className="stack">
                  <input type="hidden" name="intent" value="removeSkill" />
                  <input type="hidden" name="skill" value={skill.id} />
                  <p className="hint">{t('people.skills.removeHint')}</p>
                  <button type="submit" className="danger">
                    {t('people.skills.remove')}
                  </button>
                </Form>
              </details>
            </li>
          )
        })}
      </ul>
      <h3 id="new-skill">{t('people.skills.add')}</h3>
      <Form key={reply?.done ? (reply.values.sent ?? 'done') : 'new'} method="post" className="stack" noValidate aria-labelledby="new-skill">
        <input type="hidden" name="intent" value="addSkill" />
        <LocaleFields form="new-skill" field="label" legend={t('people.skills.label')} hint={t('people.skills.labelHint')} reply={added} />
        <button type="submit">{t('people.skills.addButton')}</button>
      </Form>
    </>
  )
}
