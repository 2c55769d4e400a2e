import type { LoaderFunctionArgs } from "@remix-run/node"
import { APPROVAL_FILTER_KEYS, backendFilters, proxyCsv } from "~/lib/supervise.server"

/** GET /supervise/approvals.csv?filters — the backend's /supervisor/approvals.csv, streamed through. */
export function loader({ request }: LoaderFunctionArgs) {
  return proxyCsv(request, "/supervisor/approvals.csv", APPROVAL_FILTER_KEYS, backendFilters)
}
