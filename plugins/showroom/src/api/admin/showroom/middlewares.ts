import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "@gongwucang/platform/http"
import {
  AnalyticsQuery,
  CreateCentre,
  CreateEvent,
  CreateExhibit,
  CreateTheme,
  CreateZone,
  LabelsQuery,
  ListExhibits,
  ListQuery,
  ListThemes,
  ListZones,
  TagInput,
  UpdateCentre,
  UpdateEvent,
  UpdateExhibit,
  UpdateTheme,
  UpdateZone,
} from "./validators"

/** Operator routes of the experience centre (Medusa authenticates /admin/* as an admin user). */
export const adminShowroomMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/showroom/centres", middlewares: [validateQuery(ListQuery)] },
  { method: ["POST"], matcher: "/admin/showroom/centres", middlewares: [validateBody(CreateCentre)] },
  { method: ["POST"], matcher: "/admin/showroom/centres/:id", middlewares: [validateBody(UpdateCentre)] },
  { method: ["GET"], matcher: "/admin/showroom/zones", middlewares: [validateQuery(ListZones)] },
  { method: ["POST"], matcher: "/admin/showroom/zones", middlewares: [validateBody(CreateZone)] },
  { method: ["POST"], matcher: "/admin/showroom/zones/:id", middlewares: [validateBody(UpdateZone)] },
  { method: ["GET"], matcher: "/admin/showroom/exhibits", middlewares: [validateQuery(ListExhibits)] },
  { method: ["POST"], matcher: "/admin/showroom/exhibits", middlewares: [validateBody(CreateExhibit)] },
  { method: ["POST"], matcher: "/admin/showroom/exhibits/:id", middlewares: [validateBody(UpdateExhibit)] },
  { method: ["POST"], matcher: "/admin/showroom/exhibits/:id/tags", middlewares: [validateBody(TagInput)] },
  { method: ["GET"], matcher: "/admin/showroom/labels.pdf", middlewares: [validateQuery(LabelsQuery)] },
  { method: ["GET"], matcher: "/admin/showroom/themes", middlewares: [validateQuery(ListThemes)] },
  { method: ["POST"], matcher: "/admin/showroom/themes", middlewares: [validateBody(CreateTheme)] },
  { method: ["POST"], matcher: "/admin/showroom/themes/:id", middlewares: [validateBody(UpdateTheme)] },
  { method: ["POST"], matcher: "/admin/showroom/themes/:id/events", middlewares: [validateBody(CreateEvent)] },
  { method: ["POST"], matcher: "/admin/showroom/events/:id", middlewares: [validateBody(UpdateEvent)] },
  { method: ["GET"], matcher: "/admin/showroom/events/:id/signups", middlewares: [validateQuery(ListQuery)] },
  { method: ["GET"], matcher: "/admin/showroom/analytics", middlewares: [validateQuery(AnalyticsQuery)] },
]
