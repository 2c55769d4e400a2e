import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SUPPLIER_MODULE } from "../../../../modules/supplier"
import type SupplierModuleService from "../../../../modules/supplier/service"
import { acceptSupplierInvitationWorkflow } from "../../../../workflows/supplier-members"
import type { SupplierAcceptInvitation } from "../../members/validators"

/**
 * POST /supplier/invitations/accept `{ token, name? }` — reached, like registration, with the
 * token of a fresh supplier login (`POST /auth/supplier/emailpass/register` with the invited
 * email). Makes the caller a member; log in again for a token that carries the member.
 */
export async function POST(req: AuthenticatedMedusaRequest<SupplierAcceptInvitation>, res: MedusaResponse) {
  const { result } = await acceptSupplierInvitationWorkflow(req.scope).run({
    input: {
      token: req.validatedBody.token,
      name: req.validatedBody.name,
      auth_identity_id: req.auth_context.auth_identity_id,
      actor_id: req.auth_context.actor_id || null,
    },
  })
  const supplier = await req.scope.resolve<SupplierModuleService>(SUPPLIER_MODULE).retrieveSupplier(result.member.supplier_id)
  res.json({
    member: { id: result.member.id, email: result.member.email, name: result.member.name, role: result.member.role },
    supplier: { id: supplier.id, code: supplier.code, company_name: supplier.company_name, status: supplier.status },
    invitation: result.invitation,
  })
}
