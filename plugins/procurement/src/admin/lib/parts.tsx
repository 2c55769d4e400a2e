import { Button, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useTranslation } from "react-i18next"
import { inLanguage, useLanguage } from "./admin-api"

/** Previous / "page n of m" / next, shown only when there is more than one page. */
export function Pager({ page, pages, onPage }: { page: number; pages: number; onPage: (page: number) => void }) {
  const { t } = useTranslation()
  if (pages <= 1) return null
  return (
    <div className="mt-4 flex items-center justify-between">
      <Button size="small" variant="secondary" disabled={page === 0} onClick={() => onPage(page - 1)}>
        {t("gwcProcurement.common.prev")}
      </Button>
      <Text size="small">{t("gwcProcurement.common.page", { page: page + 1, pages })}</Text>
      <Button size="small" variant="secondary" disabled={page + 1 >= pages} onClick={() => onPage(page + 1)}>
        {t("gwcProcurement.common.next")}
      </Button>
    </div>
  )
}

/** The error (in the operator's language) or "loading" while a query has nothing to show; else the children. */
export function QueryState({ error, loading, children }: { error?: string; loading: boolean; children: ReactNode }) {
  const { t } = useTranslation()
  const lang = useLanguage()
  if (error) {
    return (
      <Text className="text-ui-fg-error" role="alert">
        {t("gwcProcurement.common.error", { message: inLanguage(error, lang) })}
      </Text>
    )
  }
  if (loading) return <Text>{t("gwcProcurement.common.loading")}</Text>
  return <>{children}</>
}
