import { model } from "@medusajs/framework/utils"

/** Who can change procurement records (审计日志的操作人类型). */
export const AUDIT_ACTOR_TYPES = ["customer", "agency", "supervisor", "user", "system"] as const
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number]

/**
 * One state change in the procurement plugin (审计日志): who, what, when, before/after.
 * Entries are only ever added; nothing updates them, so supervisors can trust the history.
 */
export const AuditEntry = model
  .define("procurement_audit_entry", {
    id: model.id({ prefix: "paud" }).primaryKey(),
    actor_type: model.enum([...AUDIT_ACTOR_TYPES]),
    actor_id: model.text(),
    /** The buyer organisation the record belongs to, for filtering; null for agency-only records. */
    organization_id: model.text().nullable(),
    entity_type: model.text(),
    entity_id: model.text(),
    action: model.text(),
    before: model.json().nullable(),
    after: model.json().nullable(),
  })
  .indexes([{ on: ["entity_type", "entity_id"] }, { on: ["organization_id"] }, { on: ["created_at"] }])
