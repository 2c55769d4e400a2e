import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { localIsoTime, platformTimeZone } from "@gongwucang/platform/facts"
import { sendCsv, type CsvCell } from "../../../lib/csv-export"
import { supervisedComparisonPages, type SupervisedComparison } from "../../../lib/supervision-comparisons"
import type { SupervisorComparisonsQueryType } from "../validators"

export const COMPARISON_CSV_HEADER = [
  "比价ID Comparison id",
  "创建时间 Created at",
  "状态 Status",
  "采购单位 Organisation",
  "采购单位ID Organisation id",
  "标题 Title",
  "分类 Category",
  "数量 Quantity",
  "报价数 Offers",
  "供应商 Suppliers",
  "选定供应商 Selected supplier",
  "选定单价（元）Selected unit price (CNY)",
  "选定金额（元）Selected amount (CNY)",
  "选择理由 Reason",
  "代理机构 Agency",
  "报告编号 Serial",
  "提交时间 Submitted at",
  "确认时间 Confirmed at",
  "订单ID Order id",
]

async function* rows(pages: AsyncIterable<SupervisedComparison[]>, timeZone: string): AsyncGenerator<CsvCell[][]> {
  const time = (value: string | null) => (value ? localIsoTime(new Date(value), timeZone) : "")
  for await (const page of pages) {
    yield page.map((c) => [
      c.id,
      time(c.created_at),
      c.status,
      c.organization.name,
      c.organization.id,
      c.title,
      c.category.name ?? c.category.id,
      c.quantity,
      c.offer_count,
      c.suppliers.map((s) => s.name).join("；"),
      c.selected_offer?.supplier.name,
      c.selected_offer?.unit_price,
      c.selected_amount,
      c.selection_reason,
      c.agency?.name,
      c.serial,
      time(c.submitted_at),
      time(c.confirmed_at),
      c.order_id,
    ])
  }
}

/**
 * GET /supervisor/comparisons.csv?organization_id&supplier_id&category_id&status&from&to — every
 * matching comparison as CSV (UTF-8 with BOM), streamed. limit/offset are ignored.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, SupervisorComparisonsQueryType>, res: MedusaResponse) {
  const { limit: _limit, offset: _offset, ...filters } = req.validatedQuery
  const timeZone = platformTimeZone()
  const day = localIsoTime(new Date(), timeZone).slice(0, 10)
  await sendCsv(res, `监管比价-comparisons-${day}.csv`, COMPARISON_CSV_HEADER, rows(supervisedComparisonPages(req.scope, filters), timeZone))
}
