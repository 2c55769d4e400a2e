import { Form, useRouteLoaderData } from "@remix-run/react"
import { useTranslation } from "~/i18n/react"
import type { loader as rootLoader } from "~/root"

/**
 * "Add to compare" / "Remove from compare" for one product: a plain POST to /compare that comes
 * back to `redirectTo`, so it works without JavaScript.
 */
export function CompareButton({ handle, title, redirectTo }: { handle: string; title: string; redirectTo: string }) {
  const { t } = useTranslation()
  const inList = useRouteLoaderData<typeof rootLoader>("root")?.compare.includes(handle)
  return (
    <Form method="post" action="/compare" preventScrollReset className="compare-form">
      <input type="hidden" name="handle" value={handle} />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <button type="submit" name="intent" value={inList ? "remove" : "add"} className="link-button" aria-label={t(inList ? "compare.removeNamed" : "compare.addNamed", { title })}>
        {t(inList ? "compare.remove" : "compare.add")}
      </button>
    </Form>
  )
}
