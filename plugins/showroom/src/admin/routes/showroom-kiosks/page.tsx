import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ComputerDesktop } from "@medusajs/icons"
import { Button, Container, Heading, StatusBadge, Table, Text, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { filled, SimpleForm } from "../../lib/form"
import { CentrePicker, OutcomeLine, QueryState, useCentres, useZones, zoneLabel, type Outcome } from "../../lib/parts"
import { listOf, postShowroom, useLanguage, useShowroomQuery, when } from "../../lib/showroom-api"

interface KioskRow {
  id: string
  name: string
  centre_id?: string
  zone_id?: string | null
  zone?: { id: string; code: string; name: string } | null
  antennas: unknown
  last_heartbeat_at: string | null
  app_version: string | null
  agent_version: string | null
  revoked_at: string | null
  key_rotated_at?: string | null
  /** The public start of its key ("gwck_<key_id>_…"), to tell which key a device holds. */
  key_prefix?: string | null
  online?: boolean
}

/** A secret kiosk key, shown once with a copy button; it cannot be read again afterwards. */
function KeyOnce({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const { t } = useTranslation()
  const [copied, setCopied] = useState(false)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret)
      setCopied(true)
    } catch {
      // Clipboard refused (e.g. plain http): select the text so the operator can copy it by hand.
      const range = document.createRange()
      const node = document.getElementById("kiosk-key-value")
      if (node) {
        range.selectNodeContents(node)
        window.getSelection()?.removeAllRanges()
        window.getSelection()?.addRange(range)
      }
    }
  }
  return (
    <div className="flex flex-col gap-y-2 rounded-md border border-ui-tag-orange-border bg-ui-tag-orange-bg p-4" role="region" aria-label={t("gwcShowroom.kiosks.keyTitle", { name })} data-testid="kiosk-key">
      <Heading level="h3">{t("gwcShowroom.kiosks.keyTitle", { name })}</Heading>
      <Text size="small">{t("gwcShowroom.kiosks.keyOnce")}</Text>
      <code id="kiosk-key-value" className="break-all rounded bg-ui-bg-base p-2 font-mono text-sm" data-testid="kiosk-key-value">
        {secret}
      </code>
      <div className="flex gap-2">
        <Button size="small" onClick={copy}>
          {copied ? t("gwcShowroom.kiosks.copied") : t("gwcShowroom.kiosks.copy")}
        </Button>
        <Button size="small" variant="secondary" onClick={onDone}>
          {t("gwcShowroom.kiosks.keySaved")}
        </Button>
      </div>
    </div>
  )
}

function kioskState(kiosk: KioskRow): "revoked" | "online" | "offline" | "never" {
  if (kiosk.revoked_at) return "revoked"
  if (kiosk.online === true) return "online"
  if (kiosk.online === undefined && kiosk.last_heartbeat_at && Date.now() - new Date(kiosk.last_heartbeat_at).getTime() < 120_000) return "online"
  return kiosk.last_heartbeat_at ? "offline" : "never"
}

const STATE_COLOR = { revoked: "red", online: "green", offline: "orange", never: "grey" } as const

/** 触摸屏设备: the kiosks of a centre, adding one (its key shown once), rotating and revoking keys. */
const KiosksPage = () => {
  const { t } = useTranslation()
  const lang = useLanguage()
  const prompt = usePrompt()
  const [version, setVersion] = useState(0)
  const refresh = () => setVersion((n) => n + 1)
  const centres = useCentres()
  const { centreId } = centres
  const { zones } = useZones(centreId)
  const { data, error, loading } = useShowroomQuery<{ kiosks: KioskRow[]; count?: number }>(
    centreId ? `/admin/showroom/kiosks?centre_id=${encodeURIComponent(centreId)}&limit=100` : null,
    version
  )
  const [shownKey, setShownKey] = useState<{ name: string; key: string } | null>(null)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const kiosks = data?.kiosks ?? []
  const zoneOf = (kiosk: KioskRow) => kiosk.zone ?? zones.find((zone) => zone.id === kiosk.zone_id) ?? null

  const rotate = async (kiosk: KioskRow) => {
    const confirmed = await prompt({
      title: t("gwcShowroom.kiosks.rotateTitle"),
      description: t("gwcShowroom.kiosks.rotateText", { name: kiosk.name }),
      confirmText: t("gwcShowroom.kiosks.rotate"),
      cancelText: t("gwcShowroom.common.cancel"),
    })
    if (!confirmed) return
    try {
      const answer = await postShowroom<{ key: string }>(`/admin/showroom/kiosks/${kiosk.id}/rotate-key`)
      setShownKey({ name: kiosk.name, key: answer.key })
      setOutcome({ done: t("gwcShowroom.kiosks.rotated", { name: kiosk.name }) })
      refresh()
    } catch (error) {
      setOutcome({ error: (error as Error).message })
    }
  }
  const revoke = async (kiosk: KioskRow) => {
    const confirmed = await prompt({
      title: t("gwcShowroom.kiosks.revokeTitle"),
      description: t("gwcShowroom.kiosks.revokeText", { name: kiosk.name }),
      confirmText: t("gwcShowroom.kiosks.revoke"),
      cancelText: t("gwcShowroom.common.cancel"),
    })
    if (!confirmed) return
    try {
      await postShowroom(`/admin/showroom/kiosks/${kiosk.id}/revoke`)
      setOutcome({ done: t("gwcShowroom.kiosks.revoked", { name: kiosk.name }) })
      refresh()
    } catch (error) {
      setOutcome({ error: (error as Error).message })
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h1">{t("gwcShowroom.menu.kiosks")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("gwcShowroom.kiosks.intro")}
        </Text>
      </div>
      <div className="flex flex-col gap-y-3 px-6 py-4">
        <CentrePicker centres={centres.centres} value={centreId} onChange={centres.pick} />
        {shownKey ? <KeyOnce name={shownKey.name} secret={shownKey.key} onDone={() => setShownKey(null)} /> : null}
        <OutcomeLine outcome={outcome} />
        <QueryState error={error ?? centres.error} loading={(loading && !data) || (centres.loading && !centres.data)}>
          {!kiosks.length ? (
            <Text className="text-ui-fg-subtle">{t("gwcShowroom.kiosks.empty")}</Text>
          ) : (
            <Table data-testid="kiosk-table">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>{t("gwcShowroom.kiosks.name")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("gwcShowroom.common.zone")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("gwcShowroom.kiosks.antennas")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("gwcShowroom.common.status")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("gwcShowroom.kiosks.lastHeartbeat")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("gwcShowroom.kiosks.versions")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("gwcShowroom.common.actions")}</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {kiosks.map((kiosk) => {
                  const state = kioskState(kiosk)
                  const zone = zoneOf(kiosk)
                  return (
                    <Table.Row key={kiosk.id} data-testid="kiosk-row" data-kiosk-id={kiosk.id}>
                      <Table.Cell>
                        <div className="flex flex-col py-1">
                          <span>{kiosk.name}</span>
                          {kiosk.key_prefix ? (
                            <span className="font-mono text-xs text-ui-fg-subtle" title={t("gwcShowroom.kiosks.keyPrefix")}>
                              {kiosk.key_prefix}
                            </span>
                          ) : null}
                        </div>
                      </Table.Cell>
                      <Table.Cell className="font-mono">{zone?.code ?? "—"}</Table.Cell>
                      <Table.Cell className="font-mono text-xs">{listOf<string>(kiosk.antennas, "ids").join(", ") || "—"}</Table.Cell>
                      <Table.Cell>
                        <StatusBadge color={STATE_COLOR[state]} data-testid="kiosk-state">
                          {t(`gwcShowroom.kiosks.state_${state}`)}
                        </StatusBadge>
                      </Table.Cell>
                      <Table.Cell className="whitespace-nowrap">{when(kiosk.last_heartbeat_at, lang)}</Table.Cell>
                      <Table.Cell className="font-mono text-xs">
                        {kiosk.app_version || kiosk.agent_version ? `app ${kiosk.app_version ?? "—"} · agent ${kiosk.agent_version ?? "—"}` : "—"}
                      </Table.Cell>
                      <Table.Cell>
                        <div className="flex gap-2">
                          <Button size="small" variant="secondary" onClick={() => rotate(kiosk)} aria-label={t("gwcShowroom.kiosks.rotateOne", { name: kiosk.name })}>
                            {kiosk.revoked_at ? t("gwcShowroom.kiosks.reissue") : t("gwcShowroom.kiosks.rotate")}
                          </Button>
                          {!kiosk.revoked_at ? (
                            <Button size="small" variant="danger" onClick={() => revoke(kiosk)} aria-label={t("gwcShowroom.kiosks.revokeOne", { name: kiosk.name })}>
                              {t("gwcShowroom.kiosks.revoke")}
                            </Button>
                          ) : null}
                        </div>
                      </Table.Cell>
                    </Table.Row>
                  )
                })}
              </Table.Body>
            </Table>
          )}
        </QueryState>
      </div>
      {centreId ? (
        <div className="px-6 py-4">
          {zones.length ? (
            <SimpleForm
              idPrefix="kiosk"
              title={t("gwcShowroom.kiosks.create")}
              submitLabel={t("gwcShowroom.kiosks.create")}
              fields={[
                { name: "name", label: t("gwcShowroom.kiosks.name"), required: true },
                { name: "zone_id", label: t("gwcShowroom.common.zone"), type: "select", required: true, options: zones.map((zone) => ({ value: zone.id, label: zoneLabel(zone, lang) })) },
                { name: "antennas", label: t("gwcShowroom.kiosks.antennas"), hint: t("gwcShowroom.kiosks.antennasHint"), wide: true },
              ]}
              onSubmit={async (values) => {
                const { antennas, ...rest } = filled(values)
                const answer = await postShowroom<{ kiosk: KioskRow; key: string }>("/admin/showroom/kiosks", {
                  ...rest,
                  centre_id: centreId,
                  antennas: (antennas ?? "").split(/[\s,，]+/).filter(Boolean),
                })
                setShownKey({ name: answer.kiosk?.name ?? values.name, key: answer.key })
                refresh()
                return t("gwcShowroom.kiosks.created", { name: answer.kiosk?.name ?? values.name })
              }}
            />
          ) : (
            <Text className="text-ui-fg-subtle">{t("gwcShowroom.kiosks.needZone")}</Text>
          )}
        </div>
      ) : null}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "gwcShowroom.menu.kiosks",
  translationNs: "translation",
  icon: ComputerDesktop,
  rank: 33,
})

export default KiosksPage
