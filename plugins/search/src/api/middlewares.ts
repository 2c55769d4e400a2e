import { configureStoreSearch, defineMiddlewares, type MedusaNextFunction, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"

/**
 * POST /store/search: products are searchable (published, in the caller's sales channel —
 * Medusa's route adds both filters because the index declares `status` and
 * `sales_channel_ids`). Medusa's own body schema accepts any JSON as `filters`, so a
 * `q` that is not text reached the engine and came back as a 500; this checks the parts it
 * leaves open and answers 400 with a message instead.
 */
const OPERATORS = new Set(["$eq", "$ne", "$in", "$nin", "$lt", "$lte", "$gt", "$gte", "$exists", "$contains", "$overlaps", "$prefix", "$like"])
const isScalar = (v: unknown) => v === null || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v)) || (typeof v === "string" && v.length <= 500)

/** What is wrong with one field's condition, or null. */
function conditionProblem(value: unknown): string | null {
  if (isScalar(value)) return null
  if (Array.isArray(value)) return value.length <= 1000 && value.every(isScalar) ? null : "a list holds plain values (at most 1000)"
  if (value && typeof value === "object") {
    for (const [operator, operand] of Object.entries(value)) {
      if (!OPERATORS.has(operator)) return `unknown operator "${operator}" (use ${[...OPERATORS].join(", ")})`
      if (operator === "$exists" ? typeof operand !== "boolean" : !(isScalar(operand) || (Array.isArray(operand) && operand.length <= 1000 && operand.every(isScalar)))) {
        return `${operator} has an invalid operand`
      }
    }
    return null
  }
  return "must be text, a number, true/false, a list or an operator object"
}

const condition = z.unknown().superRefine((value, ctx) => {
  const problem = conditionProblem(value)
  if (problem) ctx.addIssue({ code: "custom", message: problem })
})

type Filters = { [key: string]: unknown }
const filters: z.ZodType<Filters> = z.lazy(() =>
  z
    .object({
      q: z.string({ error: "filters.q must be text" }).max(200, "filters.q is at most 200 characters").optional(),
      $and: z.array(filters).max(20).optional(),
      $or: z.array(filters).max(20).optional(),
      $not: filters.optional(),
    })
    .catchall(condition)
)

const query = z.object({
  entity: z.string().min(1).max(100),
  filters: filters.optional(),
  pagination: z
    .object({
      skip: z.number().int().min(0).max(10_000).optional(),
      take: z.number().int().min(0).max(200).optional(),
    })
    .passthrough()
    .optional(),
}).passthrough()

const batch = z.object({ queries: z.array(query).min(1).max(20) }).passthrough()

function validateSearchBody(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const isBatch = !!req.body && typeof req.body === "object" && "queries" in (req.body as object)
  const parsed = (isBatch ? batch : query).safeParse(req.body)
  if (parsed.success) return next()
  const issue = parsed.error.issues[0]
  const where = issue.path.length ? `${issue.path.join(".")}: ` : ""
  res.status(400).json({ type: "invalid_data", message: `Invalid search request — ${where}${issue.message}` })
}

export default defineMiddlewares({
  routes: [
    {
      matcher: "/store/search",
      method: ["POST"],
      middlewares: [validateSearchBody, configureStoreSearch({ allowed_indexes: { product: true } })],
    },
  ],
})
