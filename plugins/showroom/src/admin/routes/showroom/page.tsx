import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BuildingStorefront } from "@medusajs/icons"
import { Button, Container, Heading, Table, Text, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { filled, SimpleForm } from "../../lib/form"
import { CentrePicker, OutcomeLine, QueryState, useCentres, useZones, type CentreRow, type Outcome, type ZoneRow } from "../../lib/parts"
import { deleteShowroom, named, postShowroom, useLanguage } from "../../lib/showroom-api"

/** 体验中心: the experience centres (name, address, opening hours) and the zones (展区) of each. */
const CentresPage = () => {
  const { t } = useTranslation()
  const lang = useLanguage()
  const prompt = usePrompt()
  const [version, setVersion] = useState(0)
  const refresh = () => setVersion((n) => n + 1)
  const { centres, centreId, pick, error, loading, data } = useCentres(version)
  const zones = useZones(centreId, version)
  const [editing, setEditing] = useState<CentreRow | null>(null)
  const [editingZone, setEditingZone] = useState<ZoneRow | null>(null)
  const [outcome, setOutcome] = useState<Outcome>(null)

  const centreFields = [
    { name: "name", label: t("gwcShowroom.centres.name"), required: true },
    { name: "name_en", label: t("gwcShowroom.centres.nameEn") },
    { name: "city", label: t("gwcShowroom.centres.city") },
    { name: "address", label: t("gwcShowroom.centres.address"), wide: true },
    { name: "opening_hours", label: t("gwcShowroom.centres.hours"), hint: t("gwcShowroom.centres.hoursHint") },
  ]
  const zoneFields = [
    { name: "code", label: t("gwcShowroom.zones.code"), required: true, hint: t("gwcShowroom.zones.codeHint") },
    { name: "name", label: t("gwcShowroom.zones.name"), required: true },
    { name: "name_en", label: t("gwcShowroom.zones.nameEn") },
    { name: "description", label: t("gwcShowroom.zones.description"), wide: true },
    { name: "rank", label: t("gwcShowroom.zones.rank"), type: "number" as const },
  ]

  const removeCentre = async (centre: CentreRow) => {
    const confirmed = await prompt({
      title: t("gwcShowroom.centres.deleteTitle"),
      description: t("gwcShowroom.centres.deleteText", { name: centre.name }),
      confirmText: t("gwcShowroom.common.delete"),
      cancelText: t("gwcShowroom.common.cancel"),
    })
    if (!confirmed) return
    try {
      await deleteShowroom(`/admin/showroom/centres/${centre.id}`)
      setOutcome({ done: t("gwcShowroom.centres.deleted", { name: centre.name }) })
      refresh()
    } catch (error) {
      setOutcome({ error: (error as Error).message })
    }
  }
  const removeZone = async (zone: ZoneRow) => {
    const confirmed = await prompt({
      title: t("gwcShowroom.zones.deleteTitle"),
      description: t("gwcShowroom.zones.deleteText", { name: `${zone.code} ${zone.name}` }),
      confirmText: t("gwcShowroom.common.delete"),
      cancelText: t("gwcShowroom.common.cancel"),
    })
    if (!confirmed) return
    try {
      await deleteShowroom(`/admin/showroom/zones/${zone.id}`)
      setOutcome({ done: t("gwcShowroom.zones.deleted", { name: zone.code }) })
      refresh()
    } catch (error) {
      setOutcome({ error: (error as Error).message })
    }
  }
  // New zones leave empty fields out; an edit clears them (null).
  const zoneBody = (values: Record<string, string>, forUpdate = false) => {
    const body: Record<string, unknown> = filled(values)
    if (forUpdate) for (const key of ["name_en", "description"]) body[key] ??= null
    if (body.rank !== undefined) body.rank = Number(body.rank)
    return body
  }

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h1">{t("gwcShowroom.menu.centres")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("gwcShowroom.centres.intro")}
        </Text>
      </div>
      <div className="flex flex-col gap-y-3 px-6 py-4">
        <Heading level="h2">{t("gwcShowroom.centres.list")}</Heading>
        <QueryState error={error} loading={loading && !data}>
          {!centres.length ? (
            <Text className="text-ui-fg-subtle">{t("gwcShowroom.centres.noneYet")}</Text>
          ) : (
            <Table data-testid="centre-table">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>{t("gwcShowroom.centres.name")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("gwcShowroom.centres.city")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("gwcShowroom.centres.address")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("gwcShowroom.centres.hours")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("gwcShowroom.common.actions")}</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {centres.map((centre) => (
                  <Table.Row key={centre.id}>
                    <Table.Cell>{named(centre.name, centre.name_en, lang)}</Table.Cell>
                    <Table.Cell>{centre.city ?? "—"}</Table.Cell>
                    <Table.Cell>{centre.address ?? "—"}</Table.Cell>
                    <Table.Cell>{centre.opening_hours ?? "—"}</Table.Cell>
                    <Table.Cell>
                      <div className="flex gap-2">
                        <Button size="small" variant="secondary" onClick={() => setEditing(centre)} aria-label={t("gwcShowroom.centres.editOne", { name: centre.name })}>
                          {t("gwcShowroom.common.edit")}
                        </Button>
                        <Button size="small" variant="danger" onClick={() => removeCentre(centre)} aria-label={t("gwcShowroom.centres.deleteOne", { name: centre.name })}>
                          {t("gwcShowroom.common.delete")}
                        </Button>
                      </div>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
        </QueryState>
        <OutcomeLine outcome={outcome} />
      </div>
      <div className="px-6 py-4">
        {editing ? (
          <SimpleForm
            idPrefix="centre-edit"
            title={t("gwcShowroom.centres.editTitle", { name: editing.name })}
            submitLabel={t("gwcShowroom.common.save")}
            fields={centreFields}
            initial={Object.fromEntries(centreFields.map((field) => [field.name, String((editing as unknown as Record<string, unknown>)[field.name] ?? "")]))}
            keep
            onCancel={() => setEditing(null)}
            cancelLabel={t("gwcShowroom.common.cancel")}
            onSubmit={async (values) => {
              const body = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value.trim() === "" && key !== "name" ? null : value.trim()]))
              const answer = await postShowroom<{ centre: CentreRow }>(`/admin/showroom/centres/${editing.id}`, body)
              setEditing(null)
              refresh()
              return t("gwcShowroom.centres.saved", { name: answer.centre?.name ?? values.name })
            }}
          />
        ) : (
          <SimpleForm
            idPrefix="centre"
            title={t("gwcShowroom.centres.create")}
            submitLabel={t("gwcShowroom.centres.create")}
            fields={centreFields}
            onSubmit={async (values) => {
              const answer = await postShowroom<{ centre: CentreRow }>("/admin/showroom/centres", filled(values))
              if (answer.centre?.id) pick(answer.centre.id)
              refresh()
              return t("gwcShowroom.centres.created", { name: answer.centre?.name ?? values.name })
            }}
          />
        )}
      </div>
      <div className="flex flex-col gap-y-3 px-6 py-4">
        <Heading level="h2">{t("gwcShowroom.zones.title")}</Heading>
        <CentrePicker centres={centres} value={centreId} onChange={pick} />
        {centreId ? (
          <QueryState error={zones.error} loading={zones.loading && !zones.data}>
            {!zones.zones.length ? (
              <Text className="text-ui-fg-subtle">{t("gwcShowroom.zones.empty")}</Text>
            ) : (
              <Table data-testid="zone-table">
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell>{t("gwcShowroom.zones.code")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("gwcShowroom.zones.name")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("gwcShowroom.zones.nameEn")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("gwcShowroom.zones.description")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("gwcShowroom.common.actions")}</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {zones.zones.map((zone) => (
                    <Table.Row key={zone.id}>
                      <Table.Cell className="font-mono">{zone.code}</Table.Cell>
                      <Table.Cell>{zone.name}</Table.Cell>
                      <Table.Cell>{zone.name_en ?? "—"}</Table.Cell>
                      <Table.Cell>{zone.description ?? "—"}</Table.Cell>
                      <Table.Cell>
                        <div className="flex gap-2">
                          <Button size="small" variant="secondary" onClick={() => setEditingZone(zone)} aria-label={t("gwcShowroom.zones.editOne", { name: zone.code })}>
                            {t("gwcShowroom.common.edit")}
                          </Button>
                          <Button size="small" variant="danger" onClick={() => removeZone(zone)} aria-label={t("gwcShowroom.zones.deleteOne", { name: zone.code })}>
                            {t("gwcShowroom.common.delete")}
                          </Button>
                        </div>
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            )}
          </QueryState>
        ) : null}
        {centreId && editingZone ? (
          <SimpleForm
            idPrefix="zone-edit"
            title={t("gwcShowroom.zones.editTitle", { name: editingZone.code })}
            submitLabel={t("gwcShowroom.common.save")}
            fields={zoneFields}
            initial={Object.fromEntries(zoneFields.map((field) => [field.name, String((editingZone as unknown as Record<string, unknown>)[field.name] ?? "")]))}
            keep
            onCancel={() => setEditingZone(null)}
            cancelLabel={t("gwcShowroom.common.cancel")}
            onSubmit={async (values) => {
              await postShowroom(`/admin/showroom/zones/${editingZone.id}`, zoneBody(values, true))
              setEditingZone(null)
              refresh()
              return t("gwcShowroom.zones.saved", { name: values.code })
            }}
          />
        ) : centreId ? (
          <SimpleForm
            idPrefix="zone"
            title={t("gwcShowroom.zones.create")}
            submitLabel={t("gwcShowroom.zones.create")}
            fields={zoneFields}
            onSubmit={async (values) => {
              await postShowroom("/admin/showroom/zones", { ...zoneBody(values), centre_id: centreId })
              refresh()
              return t("gwcShowroom.zones.created", { name: `${values.code} ${values.name}` })
            }}
          />
        ) : null}
      </div>
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "gwcShowroom.menu.centres",
  translationNs: "translation",
  icon: BuildingStorefront,
  rank: 30,
})

export default CentresPage
