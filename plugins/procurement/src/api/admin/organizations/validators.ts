import { z } from "@medusajs/framework/zod"
import { ORGANIZATION_STATUSES, ORGANIZATION_TYPES } from "../../../lib/organization-rules"

/** GET /admin/organizations: the operator's list, filtered by type, status or name/credit code. */
export const AdminListOrganizations = z
  .object({
    type: z.enum(ORGANIZATION_TYPES, { error: `type 须为 ${ORGANIZATION_TYPES.join("、")} 之一 / type must be one of ${ORGANIZATION_TYPES.join(", ")}` }).optional(),
    status: z.enum(ORGANIZATION_STATUSES, { error: `status 须为 ${ORGANIZATION_STATUSES.join("、")} 之一 / status must be one of ${ORGANIZATION_STATUSES.join(", ")}` }).optional(),
    q: z.string({ error: "q 只能有一个 / give one q" }).trim().max(100, "q 不超过 100 个字 / q is at most 100 characters").optional(),
    limit: z.coerce.number({ error: "limit 应为数字 / limit is a number" }).int().min(1, "limit 至少为 1 / limit is at least 1").max(200, "limit 不超过 200 / limit is at most 200").default(50),
    offset: z.coerce.number({ error: "offset 应为数字 / offset is a number" }).int().min(0, "offset 不能为负 / offset is not negative").default(0),
  })
  .strict()
export type AdminListOrganizationsType = z.infer<typeof AdminListOrganizations>
