import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"

// Medusa validates each route's own fields, but some values pass its validators and then make
// PostgreSQL fail (a negative LIMIT/OFFSET, a NUL byte in text), which surfaces as a 500.
// This guard runs before every route (ours and Medusa's) and turns such input into a 400.

const NonNegativeInteger = z
  .string()
  .regex(/^\d{1,15}$/, "must be a non-negative whole number")

const Pagination = z.object({
  limit: NonNegativeInteger.optional(),
  offset: NonNegativeInteger.optional(),
})

export interface GuardIssue {
  path: string
  message: string
}

/** Finds the first value PostgreSQL cannot store: a string holding a NUL character. */
function findNul(value: unknown, path: string, depth = 0): GuardIssue | null {
  if (depth > 32) return { path, message: "is nested too deeply" }
  if (typeof value === "string") {
    return value.includes("\u0000") ? { path, message: "must not contain NUL (\\u0000) characters" } : null
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const issue = findNul(value[i], `${path}[${i}]`, depth + 1)
      if (issue) return issue
    }
    return null
  }
  if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      const keyIssue = findNul(key, `${path}.${key}`, depth + 1)
      if (keyIssue) return keyIssue
      const issue = findNul(inner, path ? `${path}.${key}` : key, depth + 1)
      if (issue) return issue
    }
  }
  return null
}

export function checkInput(query: unknown, body: unknown): GuardIssue | null {
  const pagination = Pagination.safeParse(query ?? {})
  if (!pagination.success) {
    const issue = pagination.error.issues[0]
    const field = issue.path.join(".")
    // A repeated parameter arrives as an array (limit=1&limit=2).
    const message = issue.code === "invalid_type" ? "must be given once, as a non-negative whole number" : issue.message
    return { path: field, message }
  }
  return findNul(query, "") ?? findNul(body, "body")
}

export function inputGuard(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const issue = checkInput(req.query, req.body)
  if (!issue) return next()
  res.status(400).json({
    type: "invalid_data",
    message: `Invalid request: '${issue.path || "query"}' ${issue.message}`,
  })
}
