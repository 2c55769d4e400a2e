import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * Medusa's error handler answers every CONFLICT with a generic "retry with an Idempotency-Key"
 * text. Our conflicts (e.g. "already accepted") are final and their message is what the buyer
 * needs to read, so this wrapper answers them as a 409 with their own message.
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
