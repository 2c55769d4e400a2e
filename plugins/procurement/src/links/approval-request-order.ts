import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import ApprovalModule from "../modules/approval"

/**
 * approval_request ↔ order, one to one: the order placed under an approval
 * (`order.approval_request`). Created when the order is placed (subscriber on order.placed).
 */
export default defineLink(ApprovalModule.linkable.approvalRequest, OrderModule.linkable.order)
