import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LIVESTREAM_MESSAGES } from "../lib/livestream-messages"
import { saleState } from "../lib/livestream-products"
import { canTransition, OFF_SALE_TEXT, offSaleReason, pinPlan, type SessionStatus } from "../lib/livestream-rules"
import { livestream } from "../lib/livestream-service"

// ---------------------------------------------------------------- hosts

export interface HostInput {
  email: string
  display_name: string
  bio: string | null
  avatar_url: string | null
  password: string
}

/**
 * The host and their login: an emailpass identity whose `app_metadata.host_id` names the host,
 * so `/auth/host/emailpass` signs them in as the `host` actor. An email with an account already
 * (of any kind) is a 409. Undone by deleting both.
 */
export const createHostStep = createStep(
  "livestream-create-host",
  async (input: HostInput, { container }) => {
    const service = livestream(container)
    const email = input.email.trim().toLowerCase()
    const [same] = await service.listHosts({ email }, { take: 1 })
    if (same) throw new MedusaError(MedusaError.Types.CONFLICT, LIVESTREAM_MESSAGES.host_email_taken)
    const auth = container.resolve(Modules.AUTH)
    const [identity] = await auth.listProviderIdentities({ entity_id: email, provider: "emailpass" })
    if (identity) throw new MedusaError(MedusaError.Types.CONFLICT, LIVESTREAM_MESSAGES.host_email_taken)
    const host = await service.createHosts({ email, display_name: input.display_name, bio: input.bio, avatar_url: input.avatar_url, status: "active" })
    const registered = await auth.register("emailpass", { body: { email, password: input.password } } as any)
    if (!registered.success || !registered.authIdentity) {
      await service.deleteHosts(host.id)
      throw new MedusaError(MedusaError.Types.CONFLICT, `${LIVESTREAM_MESSAGES.host_email_taken} (${registered.error ?? ""})`)
    }
    await auth.updateAuthIdentities({ id: registered.authIdentity.id, app_metadata: { ...(registered.authIdentity.app_metadata ?? {}), host_id: host.id } })
    return new StepResponse(host, { host_id: host.id, auth_identity_id: registered.authIdentity.id })
  },
  async (undo, { container }) => {
    if (!undo) return
    await container.resolve(Modules.AUTH).deleteAuthIdentities([undo.auth_identity_id])
    await livestream(container).deleteHosts(undo.host_id)
  }
)

// ---------------------------------------------------------------- sessions

/** The host's own session (another host's, or none: 404 — the same answer, so ids reveal nothing). */
export async function ownSession(container: { resolve: any }, sessionId: string, hostId: string) {
  const [session] = await livestream(container).listLiveSessions({ id: sessionId, host_id: hostId }, { take: 1 })
  if (!session) throw new MedusaError(MedusaError.Types.NOT_FOUND, LIVESTREAM_MESSAGES.session_not_found(sessionId))
  return session
}

/** The session is the host's and may go `from` its status `to` the next (409 otherwise). */
export const requireTransitionStep = createStep(
  "livestream-require-transition",
  async (input: { session_id: string; host_id: string; to: SessionStatus }, { container }) => {
    const session = await ownSession(container, input.session_id, input.host_id)
    if (!canTransition(session.status as SessionStatus, input.to)) {
      throw new MedusaError(MedusaError.Types.CONFLICT, LIVESTREAM_MESSAGES.transition(session.status, input.to))
    }
    if (input.to === "live") {
      const [other] = await livestream(container).listLiveSessions({ host_id: input.host_id, status: "live" }, { take: 1 })
      if (other) throw new MedusaError(MedusaError.Types.CONFLICT, LIVESTREAM_MESSAGES.host_already_live(other.id))
    }
    return new StepResponse(session)
  }
)

type SessionChange = { status?: SessionStatus; started_at?: Date | null; ended_at?: Date | null }

/** Changes a session's status and times; undone by writing the previous values back. */
export const updateSessionStep = createStep(
  "livestream-update-session",
  async (input: { id: string; data: SessionChange }, { container }) => {
    const service = livestream(container)
    const [before] = await service.listLiveSessions({ id: input.id }, { take: 1 })
    if (!before) throw new MedusaError(MedusaError.Types.NOT_FOUND, LIVESTREAM_MESSAGES.session_not_found(input.id))
    const updated = await service.updateLiveSessions({ id: input.id, ...input.data })
    const previous: Record<string, unknown> = { id: before.id }
    for (const key of Object.keys(input.data)) previous[key] = (before as Record<string, unknown>)[key]
    return new StepResponse(updated, previous)
  },
  async (previous, { container }) => {
    if (previous) await livestream(container).updateLiveSessions(previous as { id: string })
  }
)

// ---------------------------------------------------------------- pins

/**
 * Pin rules (like WeChat's live API): the session is the host's (404) and live (409); the item
 * is in this session's lineup (400); it is on sale — product published, variant there, stock or
 * live cap left (409). Answers whether the item is already the open pin (nothing to do).
 */
export const checkPinStep = createStep(
  "livestream-check-pin",
  async (input: { session_id: string; host_id: string; lineup_item_id: string }, { container }) => {
    const service = livestream(container)
    const session = await ownSession(container, input.session_id, input.host_id)
    if (session.status !== "live") throw new MedusaError(MedusaError.Types.CONFLICT, LIVESTREAM_MESSAGES.pin_not_live)
    const [item] = await service.listLineupItems({ id: input.lineup_item_id, session_id: session.id }, { take: 1 })
    if (!item) throw new MedusaError(MedusaError.Types.INVALID_DATA, LIVESTREAM_MESSAGES.pin_not_in_lineup(input.lineup_item_id))
    const reason = offSaleReason(
      await saleState(container, { product_id: item.product_id, variant_id: item.variant_id, live_stock_cap: item.live_stock_cap ?? null, sold_quantity: item.sold_quantity ?? 0 })
    )
    if (reason) throw new MedusaError(MedusaError.Types.CONFLICT, LIVESTREAM_MESSAGES.pin_off_sale(OFF_SALE_TEXT[reason]))
    const pins = await service.listPins({ session_id: session.id, unpinned_at: null }, { take: 5 })
    const plan = pinPlan(pins, item.id)
    return new StepResponse({ unchanged: plan.kind === "unchanged" ? plan.pin.id : null })
  }
)

/** Closes the session's open pin (if any) at `at`; undone by opening it again. */
export const closeOpenPinStep = createStep(
  "livestream-close-open-pin",
  async (input: { session_id: string; skip?: boolean }, { container }) => {
    if (input.skip) return new StepResponse(null, null)
    const service = livestream(container)
    const [open] = await service.listPins({ session_id: input.session_id, unpinned_at: null }, { take: 1 })
    if (!open) return new StepResponse(null, null)
    const closed = await service.updatePins({ id: open.id, unpinned_at: new Date() })
    return new StepResponse(closed, open.id)
  },
  async (id, { container }) => {
    if (id) await livestream(container).updatePins({ id, unpinned_at: null })
  }
)

/** Opens a pin of the item now; undone by deleting it. */
export const createPinStep = createStep(
  "livestream-create-pin",
  async (input: { session_id: string; lineup_item_id: string; skip?: boolean }, { container }) => {
    if (input.skip) return new StepResponse(null, null)
    const pin = await livestream(container).createPins({ session_id: input.session_id, lineup_item_id: input.lineup_item_id, pinned_at: new Date(), unpinned_at: null })
    return new StepResponse(pin, pin.id)
  },
  async (id, { container }) => {
    if (id) await livestream(container).deletePins(id)
  }
)

/** The session is the host's (404); any status (unpinning nothing is not an error). */
export const requireOwnSessionStep = createStep("livestream-require-own-session", async (input: { session_id: string; host_id: string }, { container }) => {
  return new StepResponse(await ownSession(container, input.session_id, input.host_id))
})
