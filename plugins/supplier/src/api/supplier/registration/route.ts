import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { registerSupplierWorkflow } from "../../../workflows/register-supplier"
import type { SupplierRegistration } from "../../validators"

/**
 * Registration, second step: after `POST /auth/supplier/emailpass/register` the caller holds a
 * token for an identity with no supplier yet; this creates the company (pending admission) and
 * makes the caller its owner. Log in again to get a token carrying the member.
 */
export async function POST(req: AuthenticatedMedusaRequest<SupplierRegistration>, res: MedusaResponse) {
  if (req.auth_context.actor_id) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "此账号已属于一个供应商 / This account already belongs to a supplier")
  }
  const { name, ...company } = req.validatedBody
  const email = (await identityEmail(req)) ?? company.contact_email
  const { result } = await registerSupplierWorkflow(req.scope).run({
    input: { auth_identity_id: req.auth_context.auth_identity_id, member: { email, name }, company },
  })
  res.status(201).json({
    supplier: result.supplier,
    member: result.member,
    warnings: result.checksum_ok ? [] : ["统一社会信用代码校验位不符，平台审核时将人工核实 / The credit code's check character does not match; the operator will verify it"],
  })
}

/** The email the caller registered with (the provider identity's entity id for emailpass). */
async function identityEmail(req: AuthenticatedMedusaRequest): Promise<string | undefined> {
  const auth = req.scope.resolve("auth") as { retrieveAuthIdentity: (id: string, config?: Record<string, unknown>) => Promise<any> }
  const identity = await auth.retrieveAuthIdentity(req.auth_context.auth_identity_id, { relations: ["provider_identities"] })
  return identity?.provider_identities?.find((p: { provider: string }) => p.provider === "emailpass")?.entity_id
}
