import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { buildCreditCode } from "../catalogue/credit-code"
import { DEMO_AGENCIES, DEMO_ORGANIZATION, DEMO_SUPERVISOR } from "./procurement-logins"

/**
 * Demo procurement parties (plugins/procurement): a buyer organisation with an admin, an
 * approver and a purchaser (customers who sign in to the storefront), two tendering agencies
 * with one login each, and a supervisor. Like the rest of the seed it looks first and creates
 * only what is missing. The module services are reached by their container names; the seed
 * does not import the plugin.
 */

type Count = (what: string, n: number) => void
type Row = { id: string } & Record<string, unknown>

interface Service {
  [method: string]: (...args: any[]) => Promise<any>
}

const resolve = (container: MedusaContainer, name: string) => container.resolve<Service>(name)

/**
 * An emailpass login whose app_metadata names the actor record (`customer_id`, `agency_id`,
 * `supervisor_id`), as Medusa's own registration leaves it.
 */
async function ensureLogin(container: MedusaContainer, email: string, password: string, metadata: Record<string, string>, count: Count) {
  const auth = container.resolve(Modules.AUTH)
  const [provider] = await auth.listProviderIdentities({ entity_id: email, provider: "emailpass" } as unknown as { entity_id: string })
  let identityId = provider?.auth_identity_id
  if (!identityId) {
    const { success, authIdentity, error } = await auth.register("emailpass", { body: { email, password } })
    if (!success || !authIdentity) throw new Error(`Could not register the demo login ${email}: ${error}`)
    identityId = authIdentity.id
    count("procurement_logins", 1)
  }
  const identity = await auth.retrieveAuthIdentity(identityId)
  if (Object.entries(metadata).some(([key, value]) => identity.app_metadata?.[key] !== value)) {
    await auth.updateAuthIdentities({ id: identity.id, app_metadata: { ...(identity.app_metadata ?? {}), ...metadata } })
  }
}

async function ensureOrganization(container: MedusaContainer, password: string, count: Count) {
  const organizations = resolve(container, "organization")
  const customers = container.resolve(Modules.CUSTOMER)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const creditCode = buildCreditCode(DEMO_ORGANIZATION.region_code, DEMO_ORGANIZATION.org_body, "1", "1")
  let [organization] = (await organizations.listOrganizations({ credit_code: creditCode }, { take: 1 })) as Row[]
  if (!organization) {
    organization = await organizations.createOrganizations({
      name: DEMO_ORGANIZATION.name,
      type: DEMO_ORGANIZATION.type,
      credit_code: creditCode,
      annual_budget: DEMO_ORGANIZATION.annual_budget,
      budget_year: new Date().getFullYear(),
    })
    count("organizations", 1)
  }
  for (const buyer of DEMO_ORGANIZATION.buyers) {
    let [customer] = await customers.listCustomers({ email: buyer.email }, { take: 1 })
    if (!customer) {
      customer = await customers.createCustomers({ email: buyer.email, first_name: buyer.first_name, last_name: buyer.last_name, has_account: true })
      count("customers", 1)
    }
    await ensureLogin(container, buyer.email, password, { customer_id: customer.id }, count)
    const [member] = (await organizations.listOrganizationMembers({ customer_id: customer.id }, { take: 1 })) as Row[]
    if (member) continue
    const created = (await organizations.createOrganizationMembers({
      organization_id: organization.id,
      customer_id: customer.id,
      role: buyer.role,
      limit_per_order: buyer.limit_per_order,
      limit_per_period: null,
      limit_period: null,
    })) as Row
    await link.create({ organization: { organization_member_id: created.id }, [Modules.CUSTOMER]: { customer_id: customer.id } })
    count("organization_members", 1)
  }
}

async function ensureAgencies(container: MedusaContainer, password: string, count: Count) {
  const agencies = resolve(container, "agency")
  for (const seed of DEMO_AGENCIES) {
    const creditCode = buildCreditCode(seed.region_code, seed.org_body)
    let [agency] = (await agencies.listAgencies({ credit_code: creditCode }, { take: 1 })) as Row[]
    if (!agency) {
      agency = await agencies.createAgencies({ name: seed.name, credit_code: creditCode, status: "active" })
      count("agencies", 1)
    }
    let [user] = (await agencies.listAgencyUsers({ email: seed.email }, { take: 1 })) as Row[]
    if (!user) {
      user = await agencies.createAgencyUsers({ agency_id: agency.id, email: seed.email, name: seed.user_name })
      count("agency_users", 1)
    }
    await ensureLogin(container, seed.email, password, { agency_id: user.id }, count)
  }
}

async function ensureSupervisor(container: MedusaContainer, password: string, count: Count) {
  const supervision = resolve(container, "supervision")
  let [supervisor] = (await supervision.listSupervisors({ email: DEMO_SUPERVISOR.email }, { take: 1 })) as Row[]
  if (!supervisor) {
    supervisor = await supervision.createSupervisors({ name: DEMO_SUPERVISOR.name, email: DEMO_SUPERVISOR.email, scope: DEMO_SUPERVISOR.scope })
    count("supervisors", 1)
  }
  await ensureLogin(container, DEMO_SUPERVISOR.email, password, { supervisor_id: supervisor.id }, count)
}

export async function ensureProcurementDemo(options: { container: MedusaContainer; password: string; count: Count }) {
  await ensureOrganization(options.container, options.password, options.count)
  await ensureAgencies(options.container, options.password, options.count)
  await ensureSupervisor(options.container, options.password, options.count)
}
