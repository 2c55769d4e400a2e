import { z } from "@medusajs/framework/zod"
import { APPROVAL_STATUSES } from "../../lib/spending-rules"

const STATUS_MESSAGE = `状态须为 ${APPROVAL_STATUSES.join("、")} 之一 / status must be one of ${APPROVAL_STATUSES.join(", ")}`

const limit = z.coerce.number({ error: "limit 应为数字 / limit is a number" }).int("limit 应为整数 / limit is a whole number").min(1, "limit 至少为 1 / limit is at least 1").max(200, "limit 不超过 200 / limit is at most 200").default(50)
const offset = z.coerce.number({ error: "offset 应为数字 / offset is a number" }).int("offset 应为整数 / offset is a whole number").min(0, "offset 不能为负 / offset is not negative").default(0)

/** POST /store/carts/:id/approval-requests `{ note? }`. */
export const StoreCreateApprovalRequest = z
  .object({
    note: z.string({ error: "说明应为文本 / note is text" }).trim().max(1000, "说明不超过 1000 个字 / note is at most 1000 characters").nullish(),
  })
  .strict()
export type StoreCreateApprovalRequestType = z.infer<typeof StoreCreateApprovalRequest>

/** GET /store/organizations/me/approvals?status&limit&offset. */
export const StoreListApprovals = z
  .object({ status: z.enum(APPROVAL_STATUSES, { error: STATUS_MESSAGE }).optional(), limit, offset })
  .strict()
export type StoreListApprovalsType = z.infer<typeof StoreListApprovals>

/** POST /store/organizations/me/approvals/:id/approve `{ comment? }`. */
export const StoreApproveApprovalRequest = z
  .object({
    comment: z.string({ error: "意见应为文本 / comment is text" }).trim().max(1000, "意见不超过 1000 个字 / comment is at most 1000 characters").nullish(),
  })
  .strict()
export type StoreApproveApprovalRequestType = z.infer<typeof StoreApproveApprovalRequest>

/** POST /store/organizations/me/approvals/:id/reject `{ comment }`: a rejection says why. */
export const StoreRejectApprovalRequest = z
  .object({
    comment: z
      .string({ error: "请填写驳回理由 / comment is required: say why the request is rejected" })
      .trim()
      .min(1, "请填写驳回理由 / comment is required: say why the request is rejected")
      .max(1000, "意见不超过 1000 个字 / comment is at most 1000 characters"),
  })
  .strict()
export type StoreRejectApprovalRequestType = z.infer<typeof StoreRejectApprovalRequest>

/** GET /store/organizations/me/orders?limit&offset. */
export const StoreListOrganizationOrders = z.object({ limit, offset }).strict()
export type StoreListOrganizationOrdersType = z.infer<typeof StoreListOrganizationOrders>

/** Routes without input refuse unknown query parameters too. */
export const StoreNoQuery = z.object({}).strict()
