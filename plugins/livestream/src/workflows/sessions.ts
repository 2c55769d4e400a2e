import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { hostLock, LOCK_TIMEOUT, LOCK_TTL, sessionLock } from "./locks"
import { checkPinStep, closeOpenPinStep, createPinStep, createHostStep, requireOwnSessionStep, requireTransitionStep, updateSessionStep, type HostInput } from "./steps"

/** 登记主播 (operator): the host and their login. */
export const createHostWorkflow = createWorkflow("livestream-create-host", (input: HostInput) => {
  const host = createHostStep(input)
  return new WorkflowResponse(host)
})

export interface SessionActionInput {
  session_id: string
  host_id: string
}

/** 开播: scheduled → live (one live session per host at a time). */
export const goLiveWorkflow = createWorkflow("livestream-go-live", (input: SessionActionInput) => {
  acquireLockStep(transform({ input }, ({ input }) => ({ key: [hostLock(input.host_id), sessionLock(input.session_id)], timeout: LOCK_TIMEOUT, ttl: LOCK_TTL })))
  requireTransitionStep(transform({ input }, ({ input }) => ({ session_id: input.session_id, host_id: input.host_id, to: "live" as const })))
  const session = updateSessionStep(transform({ input }, ({ input }) => ({ id: input.session_id, data: { status: "live" as const, started_at: new Date() } })))
  releaseLockStep(transform({ input }, ({ input }) => ({ key: [hostLock(input.host_id), sessionLock(input.session_id)] })))
  return new WorkflowResponse(session)
})

/** 下播: live → ended, closing the open pin. */
export const endSessionWorkflow = createWorkflow("livestream-end-session", (input: SessionActionInput) => {
  acquireLockStep(transform({ input }, ({ input }) => ({ key: sessionLock(input.session_id), timeout: LOCK_TIMEOUT, ttl: LOCK_TTL })))
  requireTransitionStep(transform({ input }, ({ input }) => ({ session_id: input.session_id, host_id: input.host_id, to: "ended" as const })))
  const closed = closeOpenPinStep(transform({ input }, ({ input }) => ({ session_id: input.session_id })))
  const session = updateSessionStep(transform({ input }, ({ input }) => ({ id: input.session_id, data: { status: "ended" as const, ended_at: new Date() } })))
  releaseLockStep(transform({ input }, ({ input }) => ({ key: sessionLock(input.session_id) })))
  return new WorkflowResponse({ session, closed_pin: closed })
})

/** 置顶: checks the pin rules, closes the current pin and opens the new one (one at a time). */
export const pinWorkflow = createWorkflow("livestream-pin", (input: SessionActionInput & { lineup_item_id: string }) => {
  acquireLockStep(transform({ input }, ({ input }) => ({ key: sessionLock(input.session_id), timeout: LOCK_TIMEOUT, ttl: LOCK_TTL })))
  const check = checkPinStep(input)
  const closed = closeOpenPinStep(transform({ input, check }, ({ input, check }) => ({ session_id: input.session_id, skip: !!check.unchanged })))
  const pin = createPinStep(transform({ input, check }, ({ input, check }) => ({ session_id: input.session_id, lineup_item_id: input.lineup_item_id, skip: !!check.unchanged })))
  releaseLockStep(transform({ input }, ({ input }) => ({ key: sessionLock(input.session_id) })))
  return new WorkflowResponse({ pin, closed_pin: closed, unchanged_pin_id: transform({ check }, ({ check }) => check.unchanged) })
})

/** 取消置顶: closes the open pin, if any. */
export const unpinWorkflow = createWorkflow("livestream-unpin", (input: SessionActionInput) => {
  acquireLockStep(transform({ input }, ({ input }) => ({ key: sessionLock(input.session_id), timeout: LOCK_TIMEOUT, ttl: LOCK_TTL })))
  requireOwnSessionStep(input)
  const closed = closeOpenPinStep(transform({ input }, ({ input }) => ({ session_id: input.session_id })))
  releaseLockStep(transform({ input }, ({ input }) => ({ key: sessionLock(input.session_id) })))
  return new WorkflowResponse(closed)
})
