import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartBar } from "@medusajs/icons"
import { Container, Heading, Input, Label, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { CentrePicker, QueryState, useCentres } from "../../lib/parts"
import { duration, thisMonth, useLanguage, useShowroomQuery, yuan } from "../../lib/showroom-api"

interface ExhibitFigures {
  exhibit_id: string
  product_id: string | null
  title: string | null
  thumbnail: string | null
  zone_code: string | null
  plinth: string | null
  lifts: number
  dwell_ms_avg: number | null
  dwell_ms_total: number | null
  qr_scans: number
  orders: number
  revenue: number | string
}

interface Analytics {
  month: string
  totals: { lifts: number; dwell_ms_avg: number | null; qr_scans: number; orders: number; revenue: number | string }
  exhibits: ExhibitFigures[]
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="flex min-w-[10rem] flex-col gap-y-1 rounded-md border border-ui-border-base px-4 py-3">
      <Text size="small" className="text-ui-fg-subtle">
        {label}
      </Text>
      <Text size="xlarge" weight="plus" data-testid={testId}>
        {value}
      </Text>
    </div>
  )
}

/** 展厅数据: a month's lifts, dwell time, QR scans and showroom orders, with the top exhibits. */
const AnalyticsPage = () => {
  const { t } = useTranslation()
  const lang = useLanguage()
  const centres = useCentres()
  const { centreId } = centres
  const [month, setMonth] = useState(thisMonth())
  const valid = /^\d{4}-\d{2}$/.test(month)
  const params = new URLSearchParams({ month })
  if (centreId) params.set("centre_id", centreId)
  const { data, error, loading } = useShowroomQuery<Analytics>(valid && centreId ? `/admin/showroom/analytics?${params}` : null)
  const count = (value: number | null | undefined) => new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-GB").format(Number(value ?? 0))
  const exhibits = data?.exhibits ?? []

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h1">{t("gwcShowroom.menu.analytics")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("gwcShowroom.analytics.intro")}
        </Text>
      </div>
      <div className="flex flex-wrap items-end gap-3 px-6 py-4">
        <CentrePicker centres={centres.centres} value={centreId} onChange={centres.pick} />
        <div className="flex flex-col gap-y-1">
          <Label htmlFor="analytics-month" size="small">
            {t("gwcShowroom.analytics.month")}
          </Label>
          <Input id="analytics-month" type="month" value={month} onChange={(event) => setMonth(event.target.value)} />
        </div>
      </div>
      <div className="flex flex-col gap-y-4 px-6 py-4">
        <QueryState error={error ?? centres.error} loading={(loading && !data) || (centres.loading && !centres.data)}>
          {data ? (
            <>
              <Heading level="h2">{t("gwcShowroom.analytics.monthOf", { month: data.month })}</Heading>
              <div className="flex flex-wrap gap-3" data-testid="analytics-totals">
                <Figure label={t("gwcShowroom.analytics.lifts")} value={count(data.totals.lifts)} testId="total-lifts" />
                <Figure label={t("gwcShowroom.analytics.dwell")} value={duration(data.totals.dwell_ms_avg, lang)} testId="total-dwell" />
                <Figure label={t("gwcShowroom.analytics.scans")} value={count(data.totals.qr_scans)} testId="total-scans" />
                <Figure label={t("gwcShowroom.analytics.orders")} value={count(data.totals.orders)} testId="total-orders" />
                <Figure label={t("gwcShowroom.analytics.revenue")} value={yuan(data.totals.revenue, lang)} testId="total-revenue" />
              </div>
              <Heading level="h2">{t("gwcShowroom.analytics.top")}</Heading>
              {!exhibits.length ? (
                <Text className="text-ui-fg-subtle">{t("gwcShowroom.analytics.empty")}</Text>
              ) : (
                <Table data-testid="analytics-table">
                  <Table.Header>
                    <Table.Row>
                      <Table.HeaderCell>#</Table.HeaderCell>
                      <Table.HeaderCell>{t("gwcShowroom.exhibits.product")}</Table.HeaderCell>
                      <Table.HeaderCell>{t("gwcShowroom.analytics.where")}</Table.HeaderCell>
                      <Table.HeaderCell className="text-right">{t("gwcShowroom.analytics.lifts")}</Table.HeaderCell>
                      <Table.HeaderCell className="text-right">{t("gwcShowroom.analytics.dwell")}</Table.HeaderCell>
                      <Table.HeaderCell className="text-right">{t("gwcShowroom.analytics.scans")}</Table.HeaderCell>
                      <Table.HeaderCell className="text-right">{t("gwcShowroom.analytics.orders")}</Table.HeaderCell>
                      <Table.HeaderCell className="text-right">{t("gwcShowroom.analytics.revenue")}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {exhibits.map((row, index) => (
                      <Table.Row key={row.exhibit_id} data-testid="analytics-row" data-exhibit-id={row.exhibit_id}>
                        <Table.Cell>{index + 1}</Table.Cell>
                        <Table.Cell>
                          <div className="flex items-center gap-2 py-1">
                            {row.thumbnail ? <img src={row.thumbnail} alt="" className="h-8 w-8 rounded object-cover" /> : null}
                            <span>{row.title ?? row.product_id ?? row.exhibit_id}</span>
                          </div>
                        </Table.Cell>
                        <Table.Cell className="font-mono">{[row.zone_code, row.plinth].filter(Boolean).join(" · ") || "—"}</Table.Cell>
                        <Table.Cell className="text-right">{count(row.lifts)}</Table.Cell>
                        <Table.Cell className="text-right">{duration(row.dwell_ms_avg, lang)}</Table.Cell>
                        <Table.Cell className="text-right">{count(row.qr_scans)}</Table.Cell>
                        <Table.Cell className="text-right">{count(row.orders)}</Table.Cell>
                        <Table.Cell className="text-right">{yuan(row.revenue, lang)}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              )}
            </>
          ) : !valid ? (
            <Text className="text-ui-fg-error" role="alert">
              {t("gwcShowroom.analytics.badMonth")}
            </Text>
          ) : null}
        </QueryState>
      </div>
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "gwcShowroom.menu.analytics",
  translationNs: "translation",
  icon: ChartBar,
  rank: 34,
})

export default AnalyticsPage
