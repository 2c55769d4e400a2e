import { z } from "@medusajs/framework/zod"
import { MAX_REPAIR_AFTER_SECONDS } from "../../../lib/checkout-repair"

const STATUSES = ["pending", "completed", "failed", "repaired", "canceled", "rolled_back", "abandoned"] as const

export const AdminListCheckoutAttempts = z
  .object({
    status: z.enum(STATUSES, { error: `状态应为 ${STATUSES.join(", ")} 之一 / status must be one of ${STATUSES.join(", ")}` }).optional(),
    cart_id: z.string().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminListCheckoutAttemptsType = z.infer<typeof AdminListCheckoutAttempts>

export const AdminRepairCheckouts = z
  .object({
    /** Only attempts open at least this long; 0 repairs every open one (when no completion is running). */
    older_than_seconds: z
      .number({ error: "older_than_seconds 应为整数秒 / older_than_seconds must be a whole number of seconds" })
      .int()
      .min(0)
      .max(MAX_REPAIR_AFTER_SECONDS)
      .optional(),
  })
  .strict()
export type AdminRepairCheckoutsType = z.infer<typeof AdminRepairCheckouts>
