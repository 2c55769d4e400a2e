import { model } from "@medusajs/framework/utils"
import { APPROVAL_STATUSES } from "../../../lib/spending-rules"

/**
 * ApprovalRequest (审批申请): a purchaser asks an approver of their organisation to let a cart
 * above their limits or the organisation's budget be ordered, for `amount` (the cart's total
 * when asked). Approved, it lets the cart complete while its total is not above `amount`; the
 * order placed then is recorded in `order_id`. Cart and order are also reached through module
 * links (src/links); the ids are kept here for filters and indexes.
 */
export const ApprovalRequest = model
  .define("approval_request", {
    id: model.id({ prefix: "apprq" }).primaryKey(),
    organization_id: model.text(),
    cart_id: model.text(),
    order_id: model.text().nullable(),
    requested_by_member_id: model.text(),
    requested_by_customer_id: model.text(),
    requested_by_email: model.text().nullable(),
    amount: model.bigNumber(),
    currency_code: model.text(),
    /** Which limits the cart went over (member_order_limit, member_period_limit, organization_budget). */
    reasons: model.json(),
    note: model.text().nullable(),
    status: model.enum([...APPROVAL_STATUSES]).default("pending"),
    decided_by_member_id: model.text().nullable(),
    decided_by_email: model.text().nullable(),
    decided_at: model.dateTime().nullable(),
    comment: model.text().nullable(),
  })
  .indexes([
    { on: ["organization_id", "status"] },
    { on: ["cart_id"] },
    { on: ["order_id"] },
    { on: ["requested_by_customer_id"] },
  ])
