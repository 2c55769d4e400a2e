import { defineRouteConfig } from "@medusajs/admin-sdk"
import { DocumentText } from "@medusajs/icons"
import { Container, Heading, StatusBadge, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useLanguage, useProcurementQuery, when } from "../../lib/admin-api"
import { CreateForm } from "../../lib/create-form"
import { QueryState } from "../../lib/parts"

interface AgencyRow {
  id: string
  name: string
  credit_code: string | null
  status: "active" | "suspended"
  users: { id: string; email: string; name: string | null }[]
  created_at: string
}

interface Created {
  agency: { name: string }
  user: { email: string }
  password?: string
}

/** 招标代理机构: the agencies that review price comparisons, their logins, and adding one. */
const AgenciesPage = () => {
  const { t } = useTranslation()
  const lang = useLanguage()
  const [version, setVersion] = useState(0)
  const { data, error, loading } = useProcurementQuery<{ agencies: AgencyRow[]; count: number }>("/admin/agencies", version)
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h1">{t("gwcProcurement.menu.agencies")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("gwcProcurement.agencies.intro")}
        </Text>
      </div>
      <div className="px-6 py-4">
        <QueryState error={error} loading={loading && !data}>
          {!data?.agencies.length ? (
            <Text className="text-ui-fg-subtle">{t("gwcProcurement.agencies.empty")}</Text>
          ) : (
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>{t("gwcProcurement.agencies.name")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("gwcProcurement.agencies.creditCode")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("gwcProcurement.agencies.users")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("gwcProcurement.agencies.status")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("gwcProcurement.list.createdAt")}</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {data.agencies.map((agency) => (
                  <Table.Row key={agency.id}>
                    <Table.Cell>{agency.name}</Table.Cell>
                    <Table.Cell className="font-mono">{agency.credit_code ?? "—"}</Table.Cell>
                    <Table.Cell>
                      {agency.users.map((user) => (
                        <div key={user.id}>
                          {user.name ? `${user.name} · ` : ""}
                          {user.email}
                        </div>
                      ))}
                    </Table.Cell>
                    <Table.Cell>
                      <StatusBadge color={agency.status === "active" ? "green" : "red"}>{t(`gwcProcurement.agencies.${agency.status}`)}</StatusBadge>
                    </Table.Cell>
                    <Table.Cell>{when(agency.created_at, lang)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
        </QueryState>
      </div>
      <CreateForm<Created>
        title={t("gwcProcurement.agencies.create")}
        path="/admin/agencies"
        fields={[
          { name: "name", label: t("gwcProcurement.agencies.name"), required: true },
          { name: "credit_code", label: t("gwcProcurement.agencies.creditCode") },
          { name: "email", label: t("gwcProcurement.agencies.email"), type: "email", required: true },
          { name: "user_name", label: t("gwcProcurement.agencies.userName") },
          { name: "password", label: t("gwcProcurement.agencies.password"), type: "password", hint: t("gwcProcurement.agencies.passwordHint") },
        ]}
        describe={(answer) =>
          [t("gwcProcurement.agencies.created", { name: `${answer.agency.name} (${answer.user.email})` }), answer.password ? `${t("gwcProcurement.agencies.generated")} ${answer.password}` : ""]
            .filter(Boolean)
            .join(" ")
        }
        onCreated={() => setVersion((n) => n + 1)}
      />
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "gwcProcurement.menu.agencies",
  translationNs: "translation",
  icon: DocumentText,
  rank: 22,
})

export default AgenciesPage
