import { Button, Heading, Input, Label, Text } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useTranslation } from "react-i18next"
import { inLanguage, postProcurement, useLanguage } from "./admin-api"

export interface FormField {
  name: string
  label: string
  type?: "text" | "email" | "password"
  required?: boolean
  hint?: string
}

/**
 * A small create form: the fields, a submit button that is busy while the request runs, the
 * backend's refusal (in the operator's language) or what `describe` makes of the answer.
 */
export function CreateForm<T>({
  title,
  path,
  fields,
  describe,
  onCreated,
}: {
  title: string
  path: string
  fields: FormField[]
  describe: (answer: T) => string
  onCreated: () => void
}) {
  const { t } = useTranslation()
  const lang = useLanguage()
  const empty = Object.fromEntries(fields.map((field) => [field.name, ""]))
  const [values, setValues] = useState<Record<string, string>>(empty)
  const [state, setState] = useState<{ busy: boolean; error?: string; done?: string }>({ busy: false })
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setState({ busy: true })
    try {
      const body = Object.fromEntries(Object.entries(values).filter(([, value]) => value.trim() !== ""))
      const answer = await postProcurement<T>(path, body)
      setValues(empty)
      setState({ busy: false, done: describe(answer) })
      onCreated()
    } catch (error) {
      setState({ busy: false, error: inLanguage((error as Error).message, lang) })
    }
  }
  return (
    <form className="flex flex-col gap-y-3 px-6 py-4" onSubmit={submit}>
      <Heading level="h2">{title}</Heading>
      <div className="flex flex-wrap items-end gap-3">
        {fields.map((field) => (
          <div key={field.name} className="flex flex-col gap-y-1">
            <Label htmlFor={`create-${field.name}`} size="small">
              {field.label}
            </Label>
            <Input
              id={`create-${field.name}`}
              type={field.type ?? "text"}
              required={field.required}
              maxLength={200}
              value={values[field.name]}
              onChange={(event) => setValues({ ...values, [field.name]: event.target.value })}
            />
            {field.hint ? (
              <Text size="xsmall" className="text-ui-fg-subtle">
                {field.hint}
              </Text>
            ) : null}
          </div>
        ))}
        <Button type="submit" isLoading={state.busy} disabled={state.busy}>
          {title}
        </Button>
      </div>
      <div aria-live="polite">
        {state.error ? (
          <Text className="text-ui-fg-error" role="alert">
            {t("gwcProcurement.common.error", { message: state.error })}
          </Text>
        ) : state.done ? (
          <Text className="text-ui-fg-interactive">{state.done}</Text>
        ) : null}
      </div>
    </form>
  )
}
