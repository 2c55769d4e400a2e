import { MedusaError } from "@medusajs/framework/utils"
import {
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  MeilisearchTaskTimeOutError,
} from "meilisearch"

/**
 * A MedusaError that also carries the HTTP status Meilisearch answered with. The Search
 * Module's seeding retries writes whose error has `status === 429` (after `retry_after` ms).
 */
export class MeilisearchProviderError extends MedusaError {
  status?: number
  retry_after?: number
  meilisearch_code?: string
}

/** The host as shown in messages: no credentials, no trailing slash. */
export function displayHost(host: string): string {
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(host) ? host : `http://${host}`)
    url.username = ""
    url.password = ""
    return url.toString().replace(/\/$/, "")
  } catch {
    return host
  }
}

/** The innermost useful message of an error chain, e.g. "connect ECONNREFUSED 127.0.0.1:7700". */
function rootCause(error: unknown): string {
  let current: unknown = error
  let message = error instanceof Error ? error.message : String(error)
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (current instanceof MeilisearchRequestTimeOutError) {
      return `no answer within ${current.cause.timeout} ms`
    }
    if (current instanceof AggregateError && current.errors.length) {
      // e.g. "localhost" resolving to both ::1 and 127.0.0.1, each refused.
      return current.errors.map((inner: unknown) => (inner instanceof Error ? inner.message : String(inner))).join("; ")
    }
    if (current.message) {
      message = current.message
    }
    current = current.cause
  }
  return message
}

function make(type: string, message: string, extra: Partial<MeilisearchProviderError> = {}) {
  const error = new MeilisearchProviderError(type, message)
  Object.assign(error, extra)
  return error
}

/**
 * Turns whatever the client threw into a MedusaError whose message says which Meilisearch
 * failed and why. `action` completes "… while <action>", e.g. `searching index "product_1"`.
 */
export function toMedusaError(error: unknown, host: string, action: string): MedusaError {
  if (error instanceof MedusaError) {
    return error
  }
  const where = `Meilisearch at ${displayHost(host)}`

  if (error instanceof MeilisearchRequestError) {
    return make(MedusaError.Types.UNEXPECTED_STATE, `${where} is unreachable: ${rootCause(error.cause)} (while ${action})`)
  }

  if (error instanceof MeilisearchApiError) {
    const status = error.response?.status
    const code = error.cause?.code
    const detail = `${error.cause?.message ?? error.message}${code ? ` [${code}]` : ""}`
    const extra = { status, meilisearch_code: code }
    if (status === 404 || code === "index_not_found") {
      // NOT_FOUND makes the Search Module re-resolve the active index version and retry.
      return make(MedusaError.Types.NOT_FOUND, `${where} has no such index (while ${action}): ${detail}`, extra)
    }
    if (status === 401 || status === 403) {
      return make(
        MedusaError.Types.UNEXPECTED_STATE,
        `${where} refused the API key (while ${action}): ${detail}. Check MEILISEARCH_API_KEY.`,
        extra
      )
    }
    if (status === 429) {
      const retryAfter = Number(error.response.headers.get("retry-after"))
      return make(MedusaError.Types.UNEXPECTED_STATE, `${where} is rate limiting requests (while ${action}): ${detail}`, {
        ...extra,
        retry_after: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined,
      })
    }
    if (status !== undefined && status >= 400 && status < 500) {
      return make(MedusaError.Types.INVALID_DATA, `${where} rejected the request (while ${action}): ${detail}`, extra)
    }
    return make(MedusaError.Types.UNEXPECTED_STATE, `${where} failed (while ${action}): HTTP ${status}: ${detail}`, extra)
  }

  if (error instanceof MeilisearchTaskTimeOutError) {
    return make(
      MedusaError.Types.UNEXPECTED_STATE,
      `${where} did not finish task ${error.cause.taskUid} within ${error.cause.timeout} ms (while ${action}); raise the provider option task_timeout_ms if the engine is just slow`
    )
  }

  return make(
    MedusaError.Types.UNEXPECTED_STATE,
    `${where} failed (while ${action}): ${error instanceof Error ? error.message : String(error)}`
  )
}
