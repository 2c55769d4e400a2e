import { Form, useLocation } from "@remix-run/react"
import type { FocusEvent } from "react"
import { useTranslation } from "~/i18n/react"

/**
 * The header's search box: a GET form to /search (works without JavaScript). Suggestions as you
 * type come from ./search-suggest.js, fetched the first time the box is focused; it is a plain
 * asset (not a bundled chunk), so pages carry neither it nor a module-preload helper up front.
 */
export function SiteSearch() {
  const { t } = useTranslation()
  const location = useLocation()
  const q = location.pathname === "/search" ? (new URLSearchParams(location.search).get("q") ?? "") : ""
  const suggest = (event: FocusEvent<HTMLInputElement>) => {
    const input = event.currentTarget
    import(/* @vite-ignore */ new URL("./search-suggest.js", import.meta.url).href)
      .then((module: { attach: (input: HTMLInputElement, label: string) => void }) => module.attach(input, t("search.suggestions")))
      .catch(() => undefined) // without suggestions the box still searches
  }
  return (
    <Form method="get" action="/search" role="search" className="site-search">
      <label htmlFor="site-q" className="visually-hidden">{t("search.label")}</label>
      <input id="site-q" key={q} name="q" type="search" defaultValue={q} maxLength={100} autoComplete="off" placeholder={t("search.placeholder")} onFocus={suggest} />
      <button type="submit">{t("search.submit")}</button>
    </Form>
  )
}
