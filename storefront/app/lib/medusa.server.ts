import Medusa, { FetchError } from "@medusajs/js-sdk"
import { config } from "./config.server"

let client: Medusa | null = null

/** One SDK client for the server; auth is passed per request (never stored in the client). */
export function medusa(): Medusa {
  if (!client) {
    const { backendUrl, publishableKey } = config()
    client = new Medusa({ baseUrl: backendUrl, publishableKey, auth: { type: "jwt", jwtTokenStorageMethod: "nostore" } })
  }
  return client
}

export function authHeaders(token: string | undefined): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {}
}

/** The backend's message for a failed call, for showing to the buyer. */
export function backendMessage(error: unknown): string {
  if (error instanceof FetchError) return error.message || error.statusText || `HTTP ${error.status}`
  if (error instanceof Error) return error.message
  return String(error)
}

export function isNotFound(error: unknown): boolean {
  return error instanceof FetchError && error.status === 404
}

export { FetchError }
