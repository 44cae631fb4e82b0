/**
 * The search page with JavaScript: the results follow the typing and a filter applies as it
 * is chosen, without loading the page anew. The server renders the very page it sends
 * without JavaScript; this script fetches it and puts the parts that changed in place:
 * every element marked `data-swap="name"` is replaced by its namesake, the result count is
 * rewritten inside its live region (so screen readers hear it), and the focused control
 * keeps the focus. Typing replaces the history entry (Back must not step through every
 * letter); a filter, the sort order or a submit adds one, so Back undoes it, as without
 * JavaScript. When anything goes wrong, the browser simply loads the page.
 */
const form = document.querySelector<HTMLFormElement>('form.search-page')
if (form) enhance(form)

type Step = 'push' | 'replace' | 'none'

function enhance(form: HTMLFormElement) {
  const field = form.querySelector<HTMLInputElement>('input[type="search"]')!
  const results = form.querySelector<HTMLElement>('.results')!
  let timer: ReturnType<typeof setTimeout> | undefined
  let pending: AbortController | undefined
  /** The URL whose results are shown, without its fragment (the "filters" link only jumps). */
  let shown = withoutFragment(location.href)

  const urlOfForm = () => {
    const url = new URL(form.action)
    for (const [name, value] of new FormData(form)) if (typeof value === 'string') url.searchParams.append(name, value)
    return url.href
  }

  async function load(url: string, step: Step) {
    pending?.abort()
    const controller = (pending = new AbortController())
    results.setAttribute('aria-busy', 'true')
    results.classList.add('busy')
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { accept: 'text/html' } })
      if (!response.ok) throw new Error(String(response.status))
      const next = new DOMParser().parseFromString(await response.text(), 'text/html')
      if (controller.signal.aborted) return
      if (step === 'push') history.pushState(null, '', url)
      if (step === 'replace') history.replaceState(null, '', url)
      shown = withoutFragment(url)
      swap(next, step === 'none')
    } catch {
      // Offline, or an answer this script cannot use: the browser loads the page and shows it.
      if (!controller.signal.aborted) location.assign(url)
    } finally {
      if (pending === controller) {
        results.removeAttribute('aria-busy')
        results.classList.remove('busy')
      }
    }
  }

  /** Puts the new page's parts in place; after Back or Forward the query field follows too. */
  function swap(next: Document, travelled: boolean) {
    document.title = next.title
    const focus = document.activeElement
    let refocus: Element | null = null
    for (const part of document.querySelectorAll<HTMLElement>('[data-swap]')) {
      const replacement = next.querySelector(`[data-swap="${part.dataset.swap}"]`)
      if (!replacement) continue
      keepOpen(part, replacement)
      if (focus && part.contains(focus)) refocus = replacement.querySelector(selectorOf(focus))
      part.replaceWith(replacement)
    }
    for (const live of document.querySelectorAll('[data-live]')) {
      const text = next.querySelector(`[data-live="${live.getAttribute('data-live')}"]`)?.textContent
      if (text != null && live.textContent !== text) live.textContent = text
    }
    for (const select of form.querySelectorAll('select')) {
      const chosen = next.getElementById(select.id) as HTMLSelectElement | null
      if (chosen) select.value = chosen.value
    }
    if (travelled) field.value = (next.getElementById(field.id) as HTMLInputElement | null)?.value ?? ''
    if (refocus instanceof HTMLElement) refocus.focus()
  }

  form.addEventListener('input', (event) => {
    if (event.target !== field) return
    clearTimeout(timer)
    timer = setTimeout(() => {
      const url = urlOfForm()
      if (url !== location.href) void load(url, 'replace')
    }, 300)
  })
  form.addEventListener('change', (event) => {
    if (event.target === field) return
    clearTimeout(timer)
    void load(urlOfForm(), 'push')
  })
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    clearTimeout(timer)
    const url = urlOfForm()
    void load(url, url === location.href ? 'none' : 'push')
  })
  window.addEventListener('popstate', () => {
    if (withoutFragment(location.href) === shown) return
    clearTimeout(timer)
    void load(location.href, 'none')
  })
  document.documentElement.dataset.enhanced = 'true'
}

function withoutFragment(url: string): string {
  return url.split('#')[0]
}

/** How to find the focused control again in the new page: by id, or by name and value. */
function selectorOf(element: Element): string {
  if (element.id) return `#${CSS.escape(element.id)}`
  const name = element.getAttribute('name')
  const value = element.getAttribute('value')
  if (name && value != null) return `[name="${CSS.escape(name)}"][value="${CSS.escape(value)}"]`
  const href = element.getAttribute('href')
  return href ? `[href="${CSS.escape(href)}"]` : ':not(*)'
}

/** A filter group stays open or closed as the reader left it. */
function keepOpen(part: Element, replacement: Element) {
  for (const details of part.querySelectorAll<HTMLDetailsElement>('details[data-group]')) {
    const next = replacement.querySelector<HTMLDetailsElement>(`details[data-group="${details.dataset.group}"]`)
    if (next) next.open = details.open
  }
}
