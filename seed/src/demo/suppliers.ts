import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createLinksWorkflow } from "@medusajs/medusa/core-flows"
import type { Catalogue, SupplierSeed } from "../catalogue/types"
import { supplierLoginEmail } from "./supplier-logins"

/**
 * The catalogue's suppliers as real supplier records (plugins/supplier): approved, each with an
 * owner member who signs in as `sup-001@suppliers.gongwucang.local` with the demo password,
 * linked to the central warehouse (where their seeded stock lives), to every seeded product of
 * theirs and to the orders that hold those products. Like the rest of the seed it looks first
 * and creates only what is missing, so it also upgrades a database seeded before suppliers
 * were records, without touching the products.
 */

/** The supplier module's name in Medusa's container and its link keys (see plugins/supplier). */
const SUPPLIER_MODULE = "supplier"
const SUPPLIER_PRODUCT_LINK = "supplier_product"
const SUPPLIER_LOCATION_LINK = "supplier_stock_location"
const SUPPLIER_ORDER_LINK = "supplier_order"

type Count = (what: string, n: number) => void

interface SupplierRecord {
  id: string
  code: string
  credit_code: string
}

/** The part of plugins/supplier's module service the seed uses. */
interface SupplierModule {
  listSuppliers(filters: Record<string, unknown>, config?: Record<string, unknown>): Promise<SupplierRecord[]>
  createSuppliers(data: Record<string, unknown>[]): Promise<SupplierRecord[]>
  listSupplierMembers(filters: Record<string, unknown>, config?: Record<string, unknown>): Promise<{ id: string; email: string; supplier_id: string }[]>
  createSupplierMembers(data: Record<string, unknown>[]): Promise<{ id: string; email: string; supplier_id: string }[]>
  createSupplierAuditEntries(data: Record<string, unknown>[]): Promise<unknown[]>
}

export interface EnsureSuppliersOptions {
  container: MedusaContainer
  catalogue: Catalogue
  /** The demo password of every seeded supplier login. */
  password: string
  /** The stock location the seeded products' stock is kept at. */
  warehouseId: string
  count: Count
}

export async function ensureSuppliers(options: EnsureSuppliersOptions): Promise<void> {
  const { container, catalogue, count } = options
  if (!container.hasRegistration(SUPPLIER_MODULE)) {
    throw new Error("The supplier module is not loaded; register @gongwucang/supplier in medusa-config.ts")
  }
  const suppliers = await ensureSupplierRecords(container, catalogue.suppliers, count)
  await ensureOwnerLogins(container, catalogue, suppliers, options.password, count)
  await ensureLinks(container, catalogue, suppliers, options.warehouseId, count)
}

async function ensureSupplierRecords(container: MedusaContainer, seeds: SupplierSeed[], count: Count): Promise<Map<string, SupplierRecord>> {
  const service = container.resolve<SupplierModule>(SUPPLIER_MODULE)
  const existing = await service.listSuppliers({ code: seeds.map((s) => s.code) }, { take: seeds.length })
  const byCode = new Map(existing.map((s) => [s.code, s]))
  const missing = seeds.filter((s) => !byCode.has(s.code))
  if (missing.length) {
    // A seeded company whose credit code someone has registered meanwhile stays that registration.
    const taken = new Set((await service.listSuppliers({ credit_code: missing.map((s) => s.credit_code) }, { take: missing.length })).map((s) => s.credit_code))
    const toCreate = missing.filter((s) => !taken.has(s.credit_code))
    if (toCreate.length) {
      const now = new Date()
      const created = await service.createSuppliers(
        toCreate.map((s) => ({
          code: s.code,
          company_name: s.name,
          credit_code: s.credit_code,
          credit_code_checksum_ok: true,
          legal_representative: s.contact_name,
          contact_name: s.contact_name,
          contact_phone: s.contact_phone,
          contact_email: supplierLoginEmail(s.code),
          region: s.region,
          categories_served: { kinds: s.kinds },
          qualification_documents: { documents: [] },
          status: "approved",
          review_note: "演示数据，已准入 / Demo data, admitted",
          reviewed_at: now,
          reviewed_by: "seed",
        }))
      )
      created.forEach((s) => byCode.set(s.code, s))
      await service.createSupplierAuditEntries(
        created.map((s) => ({ supplier_id: s.id, actor_type: "system", actor_id: "seed", action: "seeded", subject_type: "supplier", subject_id: s.id, data: { status: "approved" } }))
      )
      count("suppliers", created.length)
    }
  }
  return byCode
}

async function ensureOwnerLogins(
  container: MedusaContainer,
  catalogue: Catalogue,
  suppliers: Map<string, SupplierRecord>,
  password: string,
  count: Count
) {
  const service = container.resolve<SupplierModule>(SUPPLIER_MODULE)
  const seeds = catalogue.suppliers.filter((s) => suppliers.has(s.code))
  const emails = seeds.map((s) => supplierLoginEmail(s.code))
  const members = new Map((await service.listSupplierMembers({ email: emails }, { take: emails.length })).map((m) => [m.email, m]))
  const missingMembers = seeds.filter((s) => !members.has(supplierLoginEmail(s.code)))
  if (missingMembers.length) {
    const created = await service.createSupplierMembers(
      missingMembers.map((s) => ({ email: supplierLoginEmail(s.code), name: s.contact_name, role: "owner", supplier_id: suppliers.get(s.code)!.id }))
    )
    created.forEach((m) => members.set(m.email, m))
    count("supplier_members", created.length)
  }

  // The login: an emailpass identity whose app_metadata.supplier_id names the member, as
  // registration (setAuthAppMetadataStep) leaves it.
  const auth = container.resolve(Modules.AUTH)
  const identities = new Map(
    (await auth.listProviderIdentities({ entity_id: emails, provider: "emailpass" } as unknown as { entity_id: string })).map((p) => [p.entity_id, p.auth_identity_id])
  )
  for (const email of emails) {
    const member = members.get(email)!
    let authIdentityId = identities.get(email)
    if (!authIdentityId) {
      const { success, authIdentity, error } = await auth.register("emailpass", { body: { email, password } })
      if (!success || !authIdentity) throw new Error(`Could not register the supplier login ${email}: ${error}`)
      authIdentityId = authIdentity.id
      count("supplier_logins", 1)
    }
    const identity = await auth.retrieveAuthIdentity(authIdentityId)
    if (identity.app_metadata?.supplier_id !== member.id) {
      await auth.updateAuthIdentities({ id: identity.id, app_metadata: { ...(identity.app_metadata ?? {}), supplier_id: member.id } })
    }
  }
}

async function ensureLinks(
  container: MedusaContainer,
  catalogue: Catalogue,
  suppliers: Map<string, SupplierRecord>,
  warehouseId: string,
  count: Count
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const supplierIds = [...suppliers.values()].map((s) => s.id)
  const links: Record<string, Record<string, string>>[] = []

  // Warehouse: the seeded stock is kept at the central warehouse.
  const { data: located } = await query.graph({ entity: SUPPLIER_LOCATION_LINK, fields: ["supplier_id"], filters: { supplier_id: supplierIds, stock_location_id: warehouseId } })
  const hasWarehouse = new Set(located.map((row) => row.supplier_id as string))
  const warehouseLinks = supplierIds.filter((id) => !hasWarehouse.has(id))
  for (const supplierId of warehouseLinks) {
    links.push({ [SUPPLIER_MODULE]: { supplier_id: supplierId }, [Modules.STOCK_LOCATION]: { stock_location_id: warehouseId } })
  }

  // Products: every seeded product that has no supplier yet goes to the one the catalogue names.
  const supplierOfHandle = new Map(catalogue.products.map((p) => [p.handle, suppliers.get(p.supplier_code)?.id]))
  const { data: products } = await query.graph({ entity: "product", fields: ["id", "handle"], filters: { handle: [...supplierOfHandle.keys()] } })
  const productIds = products.map((p) => p.id as string)
  const { data: productLinks } = productIds.length
    ? await query.graph({ entity: SUPPLIER_PRODUCT_LINK, fields: ["product_id"], filters: { product_id: productIds } })
    : { data: [] as { product_id: string }[] }
  const linkedProducts = new Set(productLinks.map((row) => row.product_id as string))
  let productLinkCount = 0
  for (const product of products) {
    const supplierId = supplierOfHandle.get(product.handle as string)
    if (!supplierId || linkedProducts.has(product.id as string)) continue
    links.push({ [SUPPLIER_MODULE]: { supplier_id: supplierId }, [Modules.PRODUCT]: { product_id: product.id as string } })
    productLinkCount++
  }

  if (links.length) await createLinksWorkflow(container).run({ input: links })
  count("supplier_warehouse_links", warehouseLinks.length)
  count("supplier_product_links", productLinkCount)

  // Orders placed before the suppliers existed: each goes to the suppliers of its products.
  count("supplier_order_links", await linkExistingOrders(container))
}

const ORDER_PAGE = 200

async function linkExistingOrders(container: MedusaContainer): Promise<number> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  let created = 0
  for (let skip = 0; ; skip += ORDER_PAGE) {
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["id", "items.product_id"],
      filters: { is_draft_order: false },
      pagination: { skip, take: ORDER_PAGE, order: { id: "ASC" } },
    })
    if (!orders.length) return created
    const orderIds = orders.map((o) => o.id as string)
    const productIds = [...new Set(orders.flatMap((o) => (o.items ?? []).map((i: { product_id?: string | null } | null) => i?.product_id).filter(Boolean) as string[]))]
    const [{ data: productLinks }, { data: orderLinks }] = await Promise.all([
      productIds.length
        ? query.graph({ entity: SUPPLIER_PRODUCT_LINK, fields: ["product_id", "supplier_id"], filters: { product_id: productIds } })
        : Promise.resolve({ data: [] as { product_id: string; supplier_id: string }[] }),
      query.graph({ entity: SUPPLIER_ORDER_LINK, fields: ["order_id", "supplier_id"], filters: { order_id: orderIds } }),
    ])
    const supplierOf = new Map(productLinks.map((row) => [row.product_id as string, row.supplier_id as string]))
    const present = new Set(orderLinks.map((row) => `${row.order_id}/${row.supplier_id}`))
    const links: Record<string, Record<string, string>>[] = []
    for (const order of orders) {
      const wanted = new Set((order.items ?? []).map((i: { product_id?: string | null } | null) => (i?.product_id ? supplierOf.get(i.product_id) : undefined)).filter(Boolean) as string[])
      for (const supplierId of wanted) {
        if (present.has(`${order.id}/${supplierId}`)) continue
        links.push({ [SUPPLIER_MODULE]: { supplier_id: supplierId }, [Modules.ORDER]: { order_id: order.id as string } })
      }
    }
    if (links.length) {
      await createLinksWorkflow(container).run({ input: links })
      created += links.length
    }
    if (orders.length < ORDER_PAGE) return created
  }
}
