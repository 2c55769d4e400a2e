import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { localIsoTime, platformTimeZone } from "@gongwucang/platform/facts"
import { sendCsv, type CsvCell } from "../../../lib/csv-export"
import { supervisedApprovalPages, type SupervisedApproval } from "../../../lib/supervision-approvals"
import type { SupervisorApprovalsQueryType } from "../validators"

export const APPROVAL_CSV_HEADER = [
  "审批申请ID Request id",
  "申请时间 Requested at",
  "状态 Status",
  "采购单位 Organisation",
  "采购单位ID Organisation id",
  "申请人 Requested by",
  "金额（元）Amount (CNY)",
  "币种 Currency",
  "超限原因 Reasons",
  "说明 Note",
  "供应商 Suppliers",
  "商品 Items",
  "审批人 Decided by",
  "审批时间 Decided at",
  "审批意见 Comment",
  "订单ID Order id",
]

async function* rows(pages: AsyncIterable<SupervisedApproval[]>, timeZone: string): AsyncGenerator<CsvCell[][]> {
  const time = (value: string | null) => (value ? localIsoTime(new Date(value), timeZone) : "")
  for await (const page of pages) {
    yield page.map((r) => [
      r.id,
      time(r.created_at),
      r.status,
      r.organization?.name,
      r.organization_id,
      r.requested_by.email,
      r.amount,
      r.currency_code.toUpperCase(),
      r.reasons.join("；"),
      r.note,
      r.suppliers.map((s) => s.name).join("；"),
      r.items.map((item) => `${item.title} × ${item.quantity}`).join("；"),
      r.decided_by?.email,
      time(r.decided_at),
      r.comment,
      r.order_id,
    ])
  }
}

/**
 * GET /supervisor/approvals.csv?organization_id&supplier_id&category_id&status&from&to — every
 * matching approval request as CSV (UTF-8 with BOM), streamed. limit/offset are ignored.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, SupervisorApprovalsQueryType>, res: MedusaResponse) {
  const { limit: _limit, offset: _offset, ...filters } = req.validatedQuery
  const timeZone = platformTimeZone()
  const day = localIsoTime(new Date(), timeZone).slice(0, 10)
  await sendCsv(res, `监管审批-approvals-${day}.csv`, APPROVAL_CSV_HEADER, rows(supervisedApprovalPages(req.scope, filters), timeZone))
}
