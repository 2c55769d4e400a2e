// Fault injection for the crash tests (tests/integration/checkout-crash.test.ts): a backend
// started with GWC_FAILPOINTS=1 stops, at a named point of cart completion, the completion of a
// cart whose metadata names that point (`gwc_failpoint`), prints a marker and waits to be killed
// — the harness then kills the process, as a power cut or an OOM kill would. Without the
// variable (every real deployment) nothing here does anything, whatever a cart's metadata says.

export const FAILPOINTS = ["checkout.after-attempt", "checkout.before-authorization", "checkout.before-close"] as const
export type Failpoint = (typeof FAILPOINTS)[number]

export const FAILPOINT_MARKER = "GWC_FAILPOINT_REACHED"

const enabled = () => process.env.GWC_FAILPOINTS === "1"

/** Carts whose completion is to stop, by cart id (only the process that read the metadata). */
const armed = new Map<string, Failpoint>()

/** Remembers the point named in the cart's metadata, when failpoints are on. */
export function armFailpoint(cartId: string, metadata: unknown): void {
  if (!enabled() || !metadata || typeof metadata !== "object") return
  const point = (metadata as Record<string, unknown>).gwc_failpoint
  if (typeof point === "string" && (FAILPOINTS as readonly string[]).includes(point)) armed.set(cartId, point as Failpoint)
}

/** At `point` for an armed cart: print the marker and never return (the harness kills us). */
export async function failpoint(point: Failpoint, cartId: string): Promise<void> {
  if (!enabled() || armed.get(cartId) !== point) return
  process.stdout.write(`${FAILPOINT_MARKER} ${point} ${cartId}\n`)
  await new Promise(() => undefined)
}
