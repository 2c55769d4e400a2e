import { z } from "@medusajs/framework/zod"
import { AUDIT_ACTOR_TYPES } from "../../../modules/audit/models/audit-entry"

const id = (name: string) => z.string({ error: `${name} 应为文本 / ${name} is text` }).trim().min(1).max(100, `${name} 过长 / ${name} is too long`)
const date = (name: string) =>
  z.coerce.date({ error: `${name} 应为日期（如 2026-11-01）/ ${name} is a date (e.g. 2026-11-01)` })

/** Filters of the audit log (审计日志), shared by the operator's and the supervisor's routes. */
export const AuditLogQuery = z
  .object({
    entity_type: id("entity_type").optional(),
    entity_id: id("entity_id").optional(),
    organization_id: id("organization_id").optional(),
    actor_type: z.enum(AUDIT_ACTOR_TYPES, { error: `actor_type 须为 ${AUDIT_ACTOR_TYPES.join("、")} 之一 / actor_type must be one of ${AUDIT_ACTOR_TYPES.join(", ")}` }).optional(),
    actor_id: id("actor_id").optional(),
    action: id("action").optional(),
    from: date("from").optional(),
    to: date("to").optional(),
    limit: z.coerce.number({ error: "limit 应为数字 / limit is a number" }).int().min(1, "limit 至少为 1 / limit is at least 1").max(500, "limit 不超过 500 / limit is at most 500").default(50),
    offset: z.coerce.number({ error: "offset 应为数字 / offset is a number" }).int().min(0, "offset 不能为负 / offset is not negative").default(0),
  })
  .strict()
  .refine((query) => !query.from || !query.to || query.from < query.to, { message: "from 须早于 to / from must be before to", path: ["to"] })
export type AuditLogQueryType = z.infer<typeof AuditLogQuery>
