import type { LoaderFunctionArgs } from "@remix-run/node"
import { APPROVAL_FILTER_KEYS, backendFilters, proxyCsv } from "~/lib/supervise.server"

/** GET /supervise/comparisons.csv?filters — the backend's /supervisor/comparisons.csv, streamed through. */
export function loader({ request }: LoaderFunctionArgs) {
  return proxyCsv(request, "/supervisor/comparisons.csv", APPROVAL_FILTER_KEYS, backendFilters)
}
