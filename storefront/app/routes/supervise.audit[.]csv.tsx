import type { LoaderFunctionArgs } from "@remix-run/node"
import { AUDIT_FILTER_KEYS, backendFilters, proxyCsv } from "~/lib/supervise.server"

/** GET /supervise/audit.csv?filters — the backend's /supervisor/audit-log.csv, streamed through. */
export function loader({ request }: LoaderFunctionArgs) {
  return proxyCsv(request, "/supervisor/audit-log.csv", AUDIT_FILTER_KEYS, backendFilters)
}
