import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withConflictMessage } from "@gongwucang/platform/http"
import { signUpForEventWorkflow } from "../../../../../../workflows/themes"
import type { StoreSignupType } from "../../../validators"

const maskPhone = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`

/**
 * POST /store/showroom/events/:id/signups — 活动报名: 201 with the sign-up; 404 unknown or
 * unpublished event; 409 full, phone already signed up, sign-up closed or event started.
 */
export const POST = withConflictMessage(async (req: AuthenticatedMedusaRequest<StoreSignupType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const { result } = await signUpForEventWorkflow(req.scope).run({
    input: {
      event_id: req.params.id,
      name: body.name,
      phone: body.phone,
      email: body.email ?? null,
      organization_name: body.organization_name || null,
      party_size: body.party_size,
      customer_id: req.auth_context?.actor_id || null,
    },
  })
  const s = result.signup
  res.status(201).json({
    signup: { id: s.id, event_id: s.event_id, name: s.name, phone: maskPhone(s.phone), party_size: s.party_size, status: s.status, created_at: s.created_at },
    seats_left: result.seats_left,
  })
})
