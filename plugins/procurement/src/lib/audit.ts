import type { MedusaContainer } from "@medusajs/framework/types"
import { PROCUREMENT_AUDIT_MODULE } from "../modules/audit"
import type { AuditActorType } from "../modules/audit/models/audit-entry"
import type ProcurementAuditModuleService from "../modules/audit/service"

export type { AuditActorType }

/** One change to record: who did what to which record, with its state before and after. */
export interface AuditEntryInput {
  actor_type: AuditActorType
  actor_id: string
  organization_id?: string | null
  entity_type: string
  entity_id: string
  action: string
  before?: Record<string, unknown> | null
  after?: Record<string, unknown> | null
}

export const auditLog = (container: MedusaContainer) => container.resolve<ProcurementAuditModuleService>(PROCUREMENT_AUDIT_MODULE)

/** JSON-safe copy (dates as ISO strings, no functions or cycles from ORM entities). */
export function auditSnapshot(value: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!value) return null
  return JSON.parse(JSON.stringify(value, (_key, item) => (typeof item === "bigint" ? item.toString() : item))) as Record<string, unknown>
}

/** Keeps only the named fields: the audit log records what a change is about, not whole records. */
export function pickFields(value: Record<string, unknown> | null | undefined, fields: readonly string[]): Record<string, unknown> | null {
  if (!value) return null
  return auditSnapshot(Object.fromEntries(fields.filter((field) => field in value).map((field) => [field, value[field]])))
}

export interface AuditQuery {
  entity_type?: string
  entity_id?: string
  organization_id?: string
  actor_type?: AuditActorType
  actor_id?: string
  action?: string
  /** Inclusive lower bound on when the change happened. */
  from?: Date
  /** Exclusive upper bound. */
  to?: Date
  limit: number
  offset: number
}

/** Audit entries matching the filters, newest first, with the total count (for paging). */
export async function listAuditEntries(container: MedusaContainer, query: AuditQuery) {
  const filters: Record<string, unknown> = {}
  for (const key of ["entity_type", "entity_id", "organization_id", "actor_type", "actor_id", "action"] as const) {
    if (query[key]) filters[key] = query[key]
  }
  if (query.from || query.to) {
    filters.created_at = { ...(query.from ? { $gte: query.from } : {}), ...(query.to ? { $lt: query.to } : {}) }
  }
  const [entries, count] = await auditLog(container).listAndCountAuditEntries(filters, {
    take: query.limit,
    skip: query.offset,
    order: { created_at: "DESC", id: "DESC" },
  })
  return {
    entries: entries.map((entry) => ({
      id: entry.id,
      at: new Date(entry.created_at as unknown as string).toISOString(),
      actor_type: entry.actor_type,
      actor_id: entry.actor_id,
      organization_id: entry.organization_id,
      entity_type: entry.entity_type,
      entity_id: entry.entity_id,
      action: entry.action,
      before: entry.before,
      after: entry.after,
    })),
    count,
  }
}
