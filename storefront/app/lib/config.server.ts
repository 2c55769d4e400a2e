import fs from "node:fs"
import path from "node:path"

interface StorefrontConfig {
  backendUrl: string
  publishableKey: string
  sessionSecret: string
}

let cached: StorefrontConfig | null = null

/**
 * From the environment (MEDUSA_BACKEND_URL, MEDUSA_PUBLISHABLE_KEY, SESSION_SECRET), falling
 * back to the stack facts `npm start` writes (`.data/dev-stack.json`) for the online store's key.
 */
export function config(): StorefrontConfig {
  if (cached) return cached
  let facts: { backend_url?: string; publishable_keys?: { online?: { token?: string } } } = {}
  const stackFile = path.join(process.env.GWC_DATA_DIR || path.resolve(process.cwd(), "..", ".data"), "dev-stack.json")
  if (fs.existsSync(stackFile)) facts = JSON.parse(fs.readFileSync(stackFile, "utf8"))
  const backendUrl = process.env.MEDUSA_BACKEND_URL || facts.backend_url || "http://localhost:9000"
  const publishableKey = process.env.MEDUSA_PUBLISHABLE_KEY || facts.publishable_keys?.online?.token
  if (!publishableKey) {
    throw new Error("No publishable key: set MEDUSA_PUBLISHABLE_KEY or run `npm start` (it writes .data/dev-stack.json).")
  }
  const sessionSecret = process.env.SESSION_SECRET || process.env.COOKIE_SECRET
  if (!sessionSecret && process.env.NODE_ENV === "production") throw new Error("SESSION_SECRET is required in production.")
  cached = { backendUrl, publishableKey, sessionSecret: sessionSecret || "dev-only-session-secret" }
  return cached
}
