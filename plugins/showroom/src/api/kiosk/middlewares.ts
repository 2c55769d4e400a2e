import type { MiddlewareRoute } from "@medusajs/framework/http"

// Placeholder on the backend-admin branch: helper "backend-kiosk" owns this file and its routes.
export const kioskMiddlewares: MiddlewareRoute[] = []
