import { defineRouteConfig } from "@medusajs/admin-sdk"
import { EyeMini } from "@medusajs/icons"
import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useLanguage, useProcurementQuery, when } from "../../lib/admin-api"
import { CreateForm } from "../../lib/create-form"
import { Pager, QueryState } from "../../lib/parts"

const PAGE = 50

interface SupervisorRow {
  id: string
  name: string
  email: string
  scope: string | null
  created_at?: string | null
}

/** 监管人员: the read-only supervisors, and adding one with a first password. */
const SupervisorsPage = () => {
  const { t } = useTranslation()
  const lang = useLanguage()
  const [version, setVersion] = useState(0)
  const [page, setPage] = useState(0)
  const { data, error, loading } = useProcurementQuery<{ supervisors: SupervisorRow[]; count: number }>(
    `/admin/supervisors?limit=${PAGE}&offset=${page * PAGE}`,
    version
  )
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h1">{t("gwcProcurement.menu.supervisors")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("gwcProcurement.supervisors.intro")}
        </Text>
      </div>
      <div className="px-6 py-4">
        <QueryState error={error} loading={loading && !data}>
          {!data?.supervisors.length ? (
            <Text className="text-ui-fg-subtle">{t("gwcProcurement.supervisors.empty")}</Text>
          ) : (
            <>
              <Table>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell>{t("gwcProcurement.supervisors.name")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("gwcProcurement.supervisors.email")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("gwcProcurement.supervisors.scope")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("gwcProcurement.list.createdAt")}</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {data.supervisors.map((supervisor) => (
                    <Table.Row key={supervisor.id}>
                      <Table.Cell>{supervisor.name}</Table.Cell>
                      <Table.Cell>{supervisor.email}</Table.Cell>
                      <Table.Cell>{supervisor.scope ?? "—"}</Table.Cell>
                      <Table.Cell>{when(supervisor.created_at, lang)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
              <Pager page={page} pages={Math.max(1, Math.ceil(data.count / PAGE))} onPage={setPage} />
            </>
          )}
        </QueryState>
      </div>
      <CreateForm<{ supervisor: { name: string; email: string } }>
        title={t("gwcProcurement.supervisors.create")}
        path="/admin/supervisors"
        fields={[
          { name: "name", label: t("gwcProcurement.supervisors.name"), required: true },
          { name: "email", label: t("gwcProcurement.supervisors.email"), type: "email", required: true },
          { name: "scope", label: t("gwcProcurement.supervisors.scope") },
          { name: "password", label: t("gwcProcurement.supervisors.password"), type: "password", required: true },
        ]}
        describe={(answer) => t("gwcProcurement.supervisors.created", { name: `${answer.supervisor.name} (${answer.supervisor.email})` })}
        onCreated={() => setVersion((n) => n + 1)}
      />
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "gwcProcurement.menu.supervisors",
  translationNs: "translation",
  icon: EyeMini,
  rank: 23,
})

export default SupervisorsPage
