import type { MedusaErrorHandlerFunction } from "@medusajs/framework/http"

// PostgreSQL error codes that mean "the value the client sent is unusable", not "the server broke".
// Class 22 is data_exception (bad number/date/text, negative LIMIT...); 08P01 is what a NUL
// byte in a parameter produces.
const CLIENT_DATA_MESSAGES: Record<string, string> = {
  "22P02": "a value has the wrong format",
  "22003": "a number is out of range",
  "22007": "a date or time has the wrong format",
  "22008": "a date or time is out of range",
  "2201W": "limit must not be negative",
  "2201X": "offset must not be negative",
  "22021": "a text value contains bytes that are not valid UTF-8",
  "22001": "a text value is too long",
  "08P01": "a text value contains characters the database cannot store",
}

// Medusa's locking module gives up after its timeout with a plain Error: under a rush on one item
// (50 buyers for its last units) a checkout waits its turn on the item's lock and may give up.
// That is a busy resource, not a server fault: 409, try again.
const LOCK_TIMEOUT = /Timed-out acquiring lock/
const BUSY_MESSAGE =
  "该商品此刻下单的人太多，请稍后重试。Too many buyers are checking out this item at the same moment; please try again."

function isLockTimeout(err: unknown): boolean {
  for (const candidate of [err, (err as { cause?: unknown })?.cause]) {
    const message = (candidate as { message?: unknown } | undefined)?.message
    if (typeof message === "string" && LOCK_TIMEOUT.test(message)) return true
  }
  return false
}

function postgresCode(err: unknown): string | undefined {
  const candidates = [err, (err as { cause?: unknown })?.cause, (err as { previous?: unknown })?.previous]
  for (const candidate of candidates) {
    const code = (candidate as { code?: unknown; sqlState?: unknown } | undefined)?.code ??
      (candidate as { sqlState?: unknown } | undefined)?.sqlState
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code
  }
  return undefined
}

/**
 * Wraps Medusa's error handler: database errors caused by the client's values become a 400 with
 * a plain message, a lock wait that timed out a 409; everything else goes to Medusa's handler
 * unchanged.
 */
export function clientDataErrorHandler(medusaHandler: MedusaErrorHandlerFunction): MedusaErrorHandlerFunction {
  return (err, req, res, next) => {
    if (isLockTimeout(err)) {
      res.status(409).json({ type: "conflict", code: "resource_busy", message: BUSY_MESSAGE })
      return
    }
    const code = postgresCode(err)
    const known = code ? CLIENT_DATA_MESSAGES[code] : undefined
    if (known || (code && code.startsWith("22"))) {
      res.status(400).json({
        type: "invalid_data",
        code: "invalid_request_error",
        message: `Invalid request: ${known ?? "a value is not acceptable"}.`,
      })
      return
    }
    return medusaHandler(err, req, res, next)
  }
}
