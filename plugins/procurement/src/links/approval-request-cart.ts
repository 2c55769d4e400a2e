import { defineLink } from "@medusajs/framework/utils"
import CartModule from "@medusajs/medusa/cart"
import ApprovalModule from "../modules/approval"

/**
 * approval_request ↔ cart: a cart may have several requests over time (one rejected, a new one
 * approved…): `cart.approval_requests`, `approval_request.cart`. Created with the request.
 */
export default defineLink({ linkable: ApprovalModule.linkable.approvalRequest, isList: true }, CartModule.linkable.cart)
