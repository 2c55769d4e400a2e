import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SUPPLIER_MODULE } from "../../../../../modules/supplier"
import type SupplierModuleService from "../../../../../modules/supplier/service"
import { reviewListingChangeWorkflow } from "../../../../../workflows/review-listing-change"
import { withProductsAndSuppliers } from "../../helpers"
import type { AdminListingDecision } from "../../middlewares"

/** Approve (applies the change), reject or request changes (note required); logged and notified to the supplier. */
export async function POST(req: AuthenticatedMedusaRequest<AdminListingDecision>, res: MedusaResponse) {
  await reviewListingChangeWorkflow(req.scope).run({
    input: { change_id: req.params.id, decision: req.validatedBody.decision, note: req.validatedBody.note ?? null, operator_id: req.auth_context.actor_id },
  })
  const change = await req.scope.resolve<SupplierModuleService>(SUPPLIER_MODULE).retrieveListingChange(req.params.id)
  const [full] = await withProductsAndSuppliers(req.scope, [change as any])
  res.json({ listing_change: full })
}
