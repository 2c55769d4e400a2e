import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { localIsoTime, platformTimeZone } from "@gongwucang/platform/facts"
import { sendCsv, type CsvCell } from "../../../lib/csv-export"
import { supervisedOrderPages, type SupervisedOrder } from "../../../lib/supervision-orders"
import type { SupervisorOrdersQueryType } from "../validators"

export const ORDER_CSV_HEADER = [
  "订单号 Order no.",
  "订单ID Order id",
  "下单时间 Placed at",
  "状态 Status",
  "采购单位 Organisation",
  "采购单位ID Organisation id",
  "采购人 Buyer",
  "邮箱 Email",
  "供应商 Suppliers",
  "商品 Items",
  "金额（元）Total (CNY)",
  "币种 Currency",
]

async function* rows(pages: AsyncIterable<SupervisedOrder[]>, timeZone: string): AsyncGenerator<CsvCell[][]> {
  for await (const page of pages) {
    yield page.map((order) => [
      order.display_id,
      order.id,
      order.created_at ? localIsoTime(new Date(order.created_at), timeZone) : "",
      order.status,
      order.organization?.name,
      order.organization?.id,
      order.customer.name,
      order.customer.email,
      order.suppliers.map((s) => s.name).join("；"),
      order.items.map((item) => `${item.title} × ${item.quantity}`).join("；"),
      order.total,
      order.currency_code.toUpperCase(),
    ])
  }
}

/**
 * GET /supervisor/orders.csv?organization_id&supplier_id&category_id&status&from&to — every
 * matching order as CSV (UTF-8 with BOM, times in the platform's time zone), streamed a page at a
 * time. limit/offset are accepted and ignored: the file holds every match.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, SupervisorOrdersQueryType>, res: MedusaResponse) {
  const { limit: _limit, offset: _offset, ...filters } = req.validatedQuery
  const timeZone = platformTimeZone()
  const day = localIsoTime(new Date(), timeZone).slice(0, 10)
  await sendCsv(res, `监管订单-orders-${day}.csv`, ORDER_CSV_HEADER, rows(supervisedOrderPages(req.scope, filters), timeZone))
}
