import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { eventLock, LOCK_TIMEOUT, LOCK_TTL, THEMES_LOCK } from "./locks"
import {
  createEventStep,
  createSignupStep,
  createThemeStep,
  deleteEventStep,
  deleteThemeStep,
  updateEventStep,
  updateThemeStep,
  validateThemeStep,
  type EventInput,
  type SignupInput,
  type ThemeInput,
} from "./steps"

/** 新建月度主题: (theme lock) validate — published themes of a centre never overlap — then insert. */
export const createThemeWorkflow = createWorkflow("showroom-create-theme", (input: ThemeInput) => {
  acquireLockStep({ key: THEMES_LOCK, timeout: LOCK_TIMEOUT, ttl: LOCK_TTL })
  validateThemeStep(transform({ input }, ({ input }) => ({ data: input })))
  const theme = createThemeStep(input)
  releaseLockStep({ key: THEMES_LOCK })
  return new WorkflowResponse(theme)
})

export const updateThemeWorkflow = createWorkflow("showroom-update-theme", (input: { id: string; data: ThemeInput }) => {
  acquireLockStep({ key: THEMES_LOCK, timeout: LOCK_TIMEOUT, ttl: LOCK_TTL })
  validateThemeStep(transform({ input }, ({ input }) => ({ theme_id: input.id, data: input.data })))
  const theme = updateThemeStep(input)
  releaseLockStep({ key: THEMES_LOCK })
  return new WorkflowResponse(theme)
})

/** Deletes a theme with its events and sign-ups. */
export const deleteThemeWorkflow = createWorkflow("showroom-delete-theme", (input: { id: string }) => {
  return new WorkflowResponse(deleteThemeStep(input))
})

export const createEventWorkflow = createWorkflow("showroom-create-event", (input: { theme_id: string; data: EventInput }) => {
  return new WorkflowResponse(createEventStep(input))
})

/** Changes an event under its lock (capacity is compared with the seats taken). */
export const updateEventWorkflow = createWorkflow("showroom-update-event", (input: { id: string; data: EventInput }) => {
  acquireLockStep(transform({ input }, ({ input }) => ({ key: eventLock(input.id), timeout: LOCK_TIMEOUT, ttl: LOCK_TTL })))
  const event = updateEventStep(input)
  releaseLockStep(transform({ input }, ({ input }) => ({ key: eventLock(input.id) })))
  return new WorkflowResponse(event)
})

export const deleteEventWorkflow = createWorkflow("showroom-delete-event", (input: { id: string }) => {
  acquireLockStep(transform({ input }, ({ input }) => ({ key: eventLock(input.id), timeout: LOCK_TIMEOUT, ttl: LOCK_TTL })))
  const deleted = deleteEventStep(input)
  releaseLockStep(transform({ input }, ({ input }) => ({ key: eventLock(input.id) })))
  return new WorkflowResponse(deleted)
})

/** 活动报名: one sign-up at a time per event, so two visitors never take the last seat twice. */
export const signUpForEventWorkflow = createWorkflow("showroom-sign-up-for-event", (input: SignupInput) => {
  acquireLockStep(transform({ input }, ({ input }) => ({ key: eventLock(input.event_id), timeout: LOCK_TIMEOUT, ttl: LOCK_TTL })))
  const result = createSignupStep(input)
  releaseLockStep(transform({ input }, ({ input }) => ({ key: eventLock(input.event_id) })))
  return new WorkflowResponse(result)
})
