import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withConflictMessage } from "@gongwucang/platform/http"
import { memberView } from "../../../lib/members-query"
import { publicOrganization } from "../../../lib/organization-view"
import { createOrganizationWorkflow } from "../../../workflows/create-organization"
import type { StoreCreateOrganizationType } from "./validators"

/**
 * POST /store/organizations `{ name, type, credit_code?, annual_budget?, budget_year? }` — the
 * signed-in customer registers their organisation and becomes its admin. 400 names the field
 * (a credit code failing its check character, a budget without its year, …); 409 when the
 * customer already belongs to one or the credit code is registered. Answers 201
 * `{ organization, member }`.
 */
export const POST = withConflictMessage(async (req: AuthenticatedMedusaRequest<StoreCreateOrganizationType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const { result } = await createOrganizationWorkflow(req.scope).run({
    input: {
      customer_id: req.auth_context.actor_id,
      name: body.name,
      type: body.type,
      credit_code: body.credit_code ?? null,
      annual_budget: body.annual_budget ?? null,
      budget_year: body.budget_year ?? null,
    },
  })
  res.status(201).json({
    organization: publicOrganization(result.organization),
    member: await memberView(req.scope, result.organization.id, result.member.id),
  })
})
