import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormMessages, type Reply } from '../components/form-field'
import { CategorySelect, LocaleFields, type CategoryOption } from '../components/taxonomy-fields'
import { commands, guarded, requirePermission } from '../lib/auth.server'
import { formatNumber } from '../lib/format'
import { accepted, readForm, rejected } from '../lib/forms.server'
import { pageMeta } from '../lib/meta'
import { site } from '../lib/site.server'
import { changeTaxonomy, taxonomyPage, type Intent } from '../lib/taxonomy.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lng, t } = await site(params)
  requirePermission(request, lng, 'taxonomy:update:any')
  return { lng, title: t('taxonomy:title'), ...taxonomyPage(lng) }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export async function action({ request, params }: ActionFunctionArgs) {
  const { lng } = await site(params)
  const session = requirePermission(request, lng, 'taxonomy:update:any')
  const values = await readForm(request)
  const outcome = await guarded(() => changeTaxonomy(commands(session), values))
  if (!outcome.ok) return rejected(outcome.errors, values)
  return accepted(`taxonomy:done.${values.intent}`)
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>
type Category = Data['tree'][number]['children'][number]

/** The reply of a post, for the one form that sent it (every category's form has a `label.de`). */
function replyOf(reply: Reply, intent: Intent, key?: [string, string]): Reply {
  if (!reply || reply.done || reply.values.intent !== intent) return undefined
  return key && reply.values[key[0]] !== key[1] ? undefined : reply
}

const textsOf = (lists: Record<string, string[]>) => Object.fromEntries(Object.entries(lists).map(([lng, list]) => [lng, list.join('\n')]))

export default function Taxonomy() {
  const data = useLoaderData<typeof loader>()
  const reply: Reply = useActionData<typeof action>()
  const { t } = useTranslation('taxonomy')
  const fieldErrors = reply ? Object.keys(reply.errors).filter((key) => key !== 'form').length : 0
  const summary: Reply = reply ? { ...reply, errors: { ...(fieldErrors > 0 ? { form: 'taxonomy:errors.checkFields' } : {}), ...(reply.errors.form ? { form: reply.errors.form } : {}) } } : undefined
  const options: CategoryOption[] = data.tree.map((c) => ({ id: c.id, label: c.shown, children: c.children.map((child) => ({ id: child.id, label: child.shown })) }))
  const parents = (except?: string) => options.filter((o) => o.id !== except).map((o) => ({ ...o, children: [] }))
  const postings = (n: number) => t('postings', { count: n, formatted: formatNumber(n, data.lng) })

  const categoryItem = (c: Category, hasChildren: boolean) => {
    const own = replyOf(reply, 'editCategory', ['category', c.id])
    const form = `edit-${c.id}`
    return (
      <details open={own ? true : undefined}>
        <summary>
          <bdi>{c.shown}</bdi> · {postings(c.postings)}
        </summary>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="editCategory" />
          <input type="hidden" name="category" value={c.id} />
          <LocaleFields form={form} field="label" legend={t('fields.label')} hint={t('fields.labelHint')} reply={own} values={c.label} />
          <LocaleFields form={form} field="synonyms" legend={t('fields.synonyms')} hint={t('fields.synonymsHint')} reply={own} values={textsOf(c.synonyms)} multiline />
          {hasChildren ? (
            <>
              <p className="hint">{t('edit.hasChildren')}</p>
              {own?.errors.parent ? <p className="field-error">{t(own.errors.parent)}</p> : null}
            </>
          ) : (
            <CategorySelect form={form} name="parent" label={t('fields.parent')} empty={t('fields.noParent')} reply={own} value={c.parentId ?? ''} options={parents(c.id)} />
          )}
          <button type="submit">{t('edit.save')}</button>
        </Form>
      </details>
    )
  }

  const addCategory = replyOf(reply, 'addCategory')
  const merge = replyOf(reply, 'merge')
  const addDistrict = replyOf(reply, 'addDistrict')
  return (
    <section className="narrow">
      <h1>{data.title}</h1>
      <p>{t('lead')}</p>
      <FormMessages reply={summary} />

      <h2>{t('categories.title')}</h2>
      <p className="hint">{t('categories.lead')}</p>
      {data.tree.length === 0 ? <p className="empty">{t('categories.empty')}</p> : null}
      <ul className="link-list taxonomy-tree">
        {data.tree.map((c) => (
          <li key={c.id}>
            {categoryItem(c, c.children.length > 0)}
            {c.children.length > 0 ? (
              <ul>
                {c.children.map((child) => (
                  <li key={child.id}>{categoryItem(child, false)}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>

      <h2>{t('add.title')}</h2>
      <Form method="post" className="stack" noValidate key={`add-${data.count}`}>
        <input type="hidden" name="intent" value="addCategory" />
        <LocaleFields form="add" field="label" legend={t('fields.label')} hint={t('fields.labelHint')} reply={addCategory} />
        <CategorySelect form="add" name="parent" label={t('fields.parent')} empty={t('fields.noParent')} reply={addCategory} options={parents()} />
        <button type="submit">{t('add.submit')}</button>
      </Form>

      <h2>{t('merge.title')}</h2>
      <p>{t('merge.lead')}</p>
      <Form method="post" className="stack" noValidate key={`merge-${data.count}`}>
        <input type="hidden" name="intent" value="merge" />
        <CategorySelect form="merge" name="category" label={t('merge.source')} empty={t('merge.choose')} reply={merge} options={options} />
        <CategorySelect form="merge" name="into" label={t('merge.into')} empty={t('merge.choose')} reply={merge} options={options} />
        <button type="submit" className="danger">
          {t('merge.submit')}
        </button>
      </Form>

      <h2>{t('districts.title')}</h2>
      {data.districts.length === 0 ? <p className="empty">{t('districts.empty')}</p> : null}
      <ul className="link-list taxonomy-tree">
        {data.districts.map((d) => {
          const own = replyOf(reply, 'renameDistrict', ['district', d.id])
          return (
            <li key={d.id}>
              <details open={own ? true : undefined}>
                <summary>
                  <bdi>{d.shown}</bdi>
                </summary>
                <Form method="post" className="stack" noValidate>
                  <input type="hidden" name="intent" value="renameDistrict" />
                  <input type="hidden" name="district" value={d.id} />
                  <LocaleFields form={`district-${d.id}`} field="name" legend={t('fields.name')} hint={t('fields.nameHint')} reply={own} values={d.name} />
                  <button type="submit">{t('districts.save')}</button>
                </Form>
              </details>
            </li>
          )
        })}
      </ul>
      <h3>{t('districts.add')}</h3>
      <Form method="post" className="stack" noValidate key={`district-${data.districts.length}`}>
        <input type="hidden" name="intent" value="addDistrict" />
        <LocaleFields form="add-district" field="name" legend={t('fields.name')} hint={t('fields.nameHint')} reply={addDistrict} />
        <button type="submit">{t('districts.submit')}</button>
      </Form>
    </section>
  )
}
