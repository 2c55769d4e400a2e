import type { MiddlewareRoute } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { validateBody, validateQuery } from "../../../lib/listing-http"

export const AdminListListingChanges = z
  .object({
    status: z.enum(["pending", "approved", "rejected", "changes_requested"]).optional(),
    supplier_id: z.string().trim().min(1).max(100).optional(),
    kind: z.enum(["create", "update"]).optional(),
    product_id: z.string().trim().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminListListingChanges = z.infer<typeof AdminListListingChanges>

export const AdminListingDecision = z
  .object({
    decision: z.enum(["approve", "reject", "request_changes"]),
    note: z.string().trim().max(2000).optional(),
  })
  .strict()
  .refine((d) => d.decision === "approve" || !!d.note, { message: "驳回或要求修改时须填写说明 / a note is required to reject or request changes", path: ["note"] })
export type AdminListingDecision = z.infer<typeof AdminListingDecision>

/** The operator's review inbox (Medusa authenticates /admin/* as an admin user). */
export const adminListingChangeMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/listing-changes", methods: ["GET"], middlewares: [validateQuery(AdminListListingChanges)] },
  { matcher: "/admin/listing-changes/:id/decision", methods: ["POST"], middlewares: [validateBody(AdminListingDecision)] },
]
