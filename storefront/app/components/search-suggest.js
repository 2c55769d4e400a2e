// Suggestions under the header's search box (components/SiteSearch.tsx imports this file the first
// time the box gets focus). Plain JavaScript in a file of its own, built as a separate asset, so
// that no page downloads it up front and the product page's script budget is not touched.
//
// Combobox pattern: the input owns a listbox; ArrowDown/ArrowUp move aria-activedescendant,
// Enter opens the highlighted product, Escape closes. With nothing highlighted, Enter submits
// the search form as usual. Suggestions come from GET /search/suggest?q= (debounced).

const DELAY_MS = 200

/**
 * @param {HTMLInputElement} input
 * @param {string} label accessible name of the list
 */
export function attach(input, label) {
  if (input.dataset.suggest) return
  input.dataset.suggest = "on"
  const id = `${input.id}-suggestions`
  /** @type {HTMLUListElement} */
  const list = /** @type {HTMLUListElement} */ (document.getElementById(id)) ?? document.createElement("ul")
  list.id = id
  list.className = "suggestions"
  list.setAttribute("role", "listbox")
  list.setAttribute("aria-label", label)
  list.hidden = true
  input.form?.append(list)
  input.setAttribute("role", "combobox")
  input.setAttribute("aria-autocomplete", "list")
  input.setAttribute("aria-controls", id)
  input.setAttribute("aria-expanded", "false")

  /** @type {{ handle: string, title: string }[]} */
  let items = []
  let active = -1
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer
  /** @type {AbortController | undefined} */
  let request

  function render() {
    list.replaceChildren(
      ...items.map((item, i) => {
        const option = document.createElement("li")
        option.id = `${id}-${i}`
        option.setAttribute("role", "option")
        option.setAttribute("aria-selected", String(i === active))
        if (i === active) option.className = "active"
        option.dataset.handle = item.handle
        option.textContent = item.title
        return option
      })
    )
    const open = items.length > 0
    list.hidden = !open
    input.setAttribute("aria-expanded", String(open))
    if (open && active >= 0) input.setAttribute("aria-activedescendant", `${id}-${active}`)
    else input.removeAttribute("aria-activedescendant")
  }

  function close() {
    items = []
    active = -1
    render()
  }

  /** @param {string} handle */
  function open(handle) {
    close()
    window.location.assign(`/products/${encodeURIComponent(handle)}`)
  }

  input.addEventListener("input", () => {
    clearTimeout(timer)
    request?.abort()
    const q = input.value.trim()
    if (!q) return close()
    timer = setTimeout(async () => {
      request = new AbortController()
      try {
        const response = await fetch(`/search/suggest?${new URLSearchParams({ q })}`, { signal: request.signal })
        const body = await response.json()
        items = Array.isArray(body.suggestions) ? body.suggestions.slice(0, 6) : []
        active = -1
        render()
      } catch {
        // aborted by newer typing, or offline: the form itself still works
      }
    }, DELAY_MS)
  })

  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && items.length) {
      event.preventDefault()
      return close()
    }
    if (!items.length) return
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault()
      const n = items.length
      active = event.key === "ArrowDown" ? (active + 1) % n : active <= 0 ? n - 1 : active - 1
      render()
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault()
      open(items[active].handle)
    }
  })

  // Closing waits a moment so a click on an option lands first.
  input.addEventListener("blur", () => setTimeout(close, 150))
  list.addEventListener("mousedown", (event) => {
    event.preventDefault() // keep the focus in the box
    const option = /** @type {HTMLElement} */ (event.target).closest("li")
    if (option?.dataset.handle) open(option.dataset.handle)
  })
}
