import { Match, Switch } from "solid-js";
import { useRecord } from "../../../src/index";
import type { Patient } from "../types";
import { StatusBadge } from "./StatusBadge";

const formatDate = (value: string) => (value ? new Date(value.replace(" ", "T")).toLocaleString() : "—");

export function PatientDetail(props: { id: string; onClose: () => void }) {
  const patient = useRecord<Patient>("patients", () => props.id, () => ({ expand: "ward,owner" }));
  return (
    <aside class="card detail" aria-label="Patient details">
      <button type="button" class="close" aria-label="Close details" onClick={() => props.onClose()}>
        ×
      </button>
      <Switch>
        <Match when={patient.isPending}>
          <p class="state">Loading…</p>
        </Match>
        <Match when={patient.isError}>
          <p class="state alert">
            {patient.error?.status === 404 ? "This patient no longer exists." : patient.error?.message}
          </p>
        </Match>
        <Match when={patient.data}>
          {(p) => (
            <>
              <h2>{p().name}</h2>
              <dl>
                <dt>Status</dt>
                <dd>
                  <StatusBadge status={p().status} />
                </dd>
                <dt>Ward</dt>
                <dd>{p().expand?.ward ? `${p().expand!.ward!.code} · ${p().expand!.ward!.name}` : "—"}</dd>
                <dt>Bed</dt>
                <dd>{p().bed || "—"}</dd>
                <dt>Admitted by</dt>
                <dd>{p().expand?.owner?.name ?? "—"}</dd>
                <dt>Notes</dt>
                <dd class="notes">{p().notes || "—"}</dd>
                <dt>Created</dt>
                <dd>{formatDate(p().created)}</dd>
                <dt>Updated</dt>
                <dd>{formatDate(p().updated)}</dd>
              </dl>
            </>
          )}
        </Match>
      </Switch>
    </aside>
  );
}
