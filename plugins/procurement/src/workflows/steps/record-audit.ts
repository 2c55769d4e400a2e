import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { auditLog, auditSnapshot, type AuditEntryInput } from "../../lib/audit"

export interface RecordAuditStepInput {
  entries: AuditEntryInput[]
}

/**
 * Writes audit entries (审计日志) for the changes the workflow made. Put it after the steps it
 * describes: if a later step fails, the changes are undone and so are their entries, so the log
 * never shows something that did not happen.
 */
export const recordAuditStep = createStep(
  "procurement-record-audit",
  async (input: RecordAuditStepInput, { container }) => {
    if (!input.entries.length) return new StepResponse([], [] as string[])
    const created = await auditLog(container).createAuditEntries(
      input.entries.map((entry) => ({
        actor_type: entry.actor_type,
        actor_id: entry.actor_id,
        organization_id: entry.organization_id ?? null,
        entity_type: entry.entity_type,
        entity_id: entry.entity_id,
        action: entry.action,
        before: auditSnapshot(entry.before),
        after: auditSnapshot(entry.after),
      }))
    )
    const ids = created.map((entry) => entry.id)
    return new StepResponse(created, ids)
  },
  async (ids, { container }) => {
    if (ids?.length) await auditLog(container).deleteAuditEntries(ids)
  }
)
