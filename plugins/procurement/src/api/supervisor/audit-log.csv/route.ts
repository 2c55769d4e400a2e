import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { localIsoTime, platformTimeZone } from "@gongwucang/platform/facts"
import { listAuditEntries } from "../../../lib/audit"
import { sendCsv, type CsvCell } from "../../../lib/csv-export"
import type { AuditLogQueryType } from "../../admin/procurement/validators"

export const AUDIT_CSV_HEADER = [
  "时间 At",
  "操作人类型 Actor type",
  "操作人 Actor id",
  "采购单位ID Organisation id",
  "对象类型 Entity type",
  "对象ID Entity id",
  "操作 Action",
  "变更前 Before",
  "变更后 After",
  "记录ID Entry id",
]

const PAGE = 500

/**
 * Every matching entry, newest first, read PAGE at a time. Paging by offset over a log that only
 * grows at the newest end: `to` is pinned to the start of the export, so entries written meanwhile
 * do not shift the pages.
 */
async function* rows(query: AuditLogQueryType, req: AuthenticatedMedusaRequest, timeZone: string): AsyncGenerator<CsvCell[][]> {
  const startedAt = new Date()
  const to = query.to && query.to < startedAt ? query.to : startedAt
  for (let offset = 0; ; offset += PAGE) {
    const { entries } = await listAuditEntries(req.scope, { ...query, to, limit: PAGE, offset })
    yield entries.map((entry) => [
      localIsoTime(new Date(entry.at), timeZone),
      entry.actor_type,
      entry.actor_id,
      entry.organization_id,
      entry.entity_type,
      entry.entity_id,
      entry.action,
      entry.before ? JSON.stringify(entry.before) : "",
      entry.after ? JSON.stringify(entry.after) : "",
      entry.id,
    ])
    if (entries.length < PAGE) return
  }
}

/**
 * GET /supervisor/audit-log.csv?entity_type&entity_id&organization_id&actor_type&actor_id&action&from&to
 * — the audit log as CSV (UTF-8 with BOM), streamed. limit/offset are accepted and ignored.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AuditLogQueryType>, res: MedusaResponse) {
  const timeZone = platformTimeZone()
  const day = localIsoTime(new Date(), timeZone).slice(0, 10)
  await sendCsv(res, `审计日志-audit-log-${day}.csv`, AUDIT_CSV_HEADER, rows(req.validatedQuery, req, timeZone))
}
