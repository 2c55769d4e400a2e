import type { LoaderFunctionArgs } from "@remix-run/node"
import { useLoaderData } from "@remix-run/react"
import { procMeta } from "~/components/Procurement"
import type { Language } from "~/i18n/languages"
import { useTranslation } from "~/i18n/react"
import { formatDateTime, formatMoney } from "~/lib/format"
import { ProcurementApiError, requireMember, storeCall } from "~/lib/procurement.server"

export const meta = procMeta("org", "org.spending.title")

interface Spending {
  member: { limit_per_order: number | null; limit_per_period: number | null; limit_period: string | null; period_start: string | null; period_end: string | null; spent_in_period: number }
  organization: { annual_budget: number | null; budget_year: number | null; spent_in_year: number; remaining_budget: number | null }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { token } = await requireMember(request)
  try {
    return { spending: await storeCall<Spending>(token, "/store/organizations/me/spending") }
  } catch (error) {
    if (error instanceof ProcurementApiError && error.status < 500) return { spending: null }
    throw error
  }
}

export default function SpendingPage() {
  const { spending } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const lang = i18n.language as Language
  const money = (v: number | null | undefined) => (v === null || v === undefined ? t("proc.org.spending.noLimit") : formatMoney(v, lang))
  return (
    <section aria-labelledby="spending-title">
      <h1 id="spending-title">{t("proc.org.spending.title")}</h1>
      {!spending ? (
        <p className="notice-warn">{t("proc.org.spending.unavailable")}</p>
      ) : (
        <div className="account-columns">
          <section aria-labelledby="mine-title" className="account-card" data-testid="my-spending">
            <h2 id="mine-title">{t("proc.org.spending.mine")}</h2>
            <dl className="account-facts">
              <dt>{t("proc.org.spending.perOrder")}</dt>
              <dd>{money(spending.member.limit_per_order)}</dd>
              <dt>{t("proc.org.spending.perPeriod")}</dt>
              <dd>
                {money(spending.member.limit_per_period)}
                {spending.member.limit_period ? ` (${t(`proc.org.periods.${spending.member.limit_period}`)})` : ""}
              </dd>
              {spending.member.period_start ? (
                <>
                  <dt>{t("proc.org.spending.period")}</dt>
                  <dd>
                    {formatDateTime(spending.member.period_start, lang)} – {formatDateTime(spending.member.period_end, lang)}
                  </dd>
                </>
              ) : null}
              <dt>{t("proc.org.spending.spent")}</dt>
              <dd>{formatMoney(spending.member.spent_in_period, lang)}</dd>
              {spending.member.limit_per_period !== null ? (
                <>
                  <dt>{t("proc.org.spending.remaining")}</dt>
                  <dd>{formatMoney(Math.max(0, spending.member.limit_per_period - spending.member.spent_in_period), lang)}</dd>
                </>
              ) : null}
            </dl>
          </section>
          <section aria-labelledby="org-budget-title" className="account-card" data-testid="org-spending">
            <h2 id="org-budget-title">{t("proc.org.spending.org")}</h2>
            <dl className="account-facts">
              <dt>{t("proc.org.spending.budget")}</dt>
              <dd>{money(spending.organization.annual_budget)}</dd>
              <dt>{t("proc.org.spending.budgetYear")}</dt>
              <dd>{spending.organization.budget_year ?? "—"}</dd>
              <dt>{t("proc.org.spending.spentYear")}</dt>
              <dd>{formatMoney(spending.organization.spent_in_year, lang)}</dd>
              <dt>{t("proc.org.spending.remainingBudget")}</dt>
              <dd>{money(spending.organization.remaining_budget)}</dd>
            </dl>
          </section>
        </div>
      )}
    </section>
  )
}
