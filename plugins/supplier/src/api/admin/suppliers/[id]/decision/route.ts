import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reviewSupplierWorkflow } from "../../../../../workflows/review-supplier"
import type { AdminSupplierDecision } from "../../../../validators"

/** Approve, reject (reason), suspend (reason) or reinstate a supplier. */
export async function POST(req: AuthenticatedMedusaRequest<AdminSupplierDecision>, res: MedusaResponse) {
  const { result } = await reviewSupplierWorkflow(req.scope).run({
    input: { supplier_id: req.params.id, ...req.validatedBody, operator_id: req.auth_context.actor_id },
  })
  res.json({ supplier: result })
}
