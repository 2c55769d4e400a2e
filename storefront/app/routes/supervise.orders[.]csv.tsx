import type { LoaderFunctionArgs } from "@remix-run/node"
import { backendFilters, ORDER_FILTER_KEYS, proxyCsv } from "~/lib/supervise.server"

/** GET /supervise/orders.csv?filters — the backend's /supervisor/orders.csv, streamed through. */
export function loader({ request }: LoaderFunctionArgs) {
  return proxyCsv(request, "/supervisor/orders.csv", ORDER_FILTER_KEYS, backendFilters)
}
