import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"

/**
 * Request plumbing the domain plugins share (imported as `@gongwucang/platform/http`): zod
 * validation whose messages name the field, and 409s that keep their own message.
 */

export interface InvalidRequestOptions {
  /** What the message starts with, before `: <field>: <problem>; …`. */
  prefix?: string
  /** How many problems the message names at most. */
  limit?: number
}

const DEFAULT_PREFIX = "请求有误 / invalid request"

/** `field.path: message; other: message` for the first `limit` issues. */
export function describeIssues(error: z.ZodError, limit = 3): string {
  return error.issues
    .slice(0, limit)
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ")
}

function invalid(error: z.ZodError, options: InvalidRequestOptions) {
  return new MedusaError(MedusaError.Types.INVALID_DATA, `${options.prefix ?? DEFAULT_PREFIX}: ${describeIssues(error, options.limit ?? 5)}`)
}

/** Like Medusa's validateAndTransformBody, but every message names its field (`amount: …`). */
export function validateBody(schema: z.ZodType, options: InvalidRequestOptions = {}) {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const parsed = schema.safeParse(req.body ?? {})
    if (!parsed.success) return next(invalid(parsed.error, options))
    ;(req as unknown as { validatedBody: unknown }).validatedBody = parsed.data
    next()
  }
}

/** The same for the query string (`req.validatedQuery`). */
export function validateQuery(schema: z.ZodType, options: InvalidRequestOptions = {}) {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const parsed = schema.safeParse(req.query ?? {})
    if (!parsed.success) return next(invalid(parsed.error, options))
    ;(req as unknown as { validatedQuery: unknown }).validatedQuery = parsed.data
    next()
  }
}

/**
 * Medusa's error handler answers every CONFLICT with a generic "retry with an Idempotency-Key"
 * text. Ours ("already accepted", "already received", …) are final and their message is what
 * the person needs to read, so this wrapper answers them as a 409 with their own message.
 */
export function withConflictMessage<Req extends MedusaRequest>(
  handler: (req: Req, res: MedusaResponse) => Promise<void>
): (req: Req, res: MedusaResponse) => Promise<void> {
  return async (req, res) => {
    try {
      await handler(req, res)
    } catch (error) {
      const { type, message } = (error ?? {}) as { type?: unknown; message?: unknown }
      if (type !== MedusaError.Types.CONFLICT || typeof message !== "string") throw error
      res.status(409).json({ type: MedusaError.Types.CONFLICT, code: "invalid_state_error", message })
    }
  }
}
