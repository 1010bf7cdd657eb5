import { createSignal, Match, Show, Switch } from "solid-js";
import { onlineManager } from "@tanstack/solid-query";
import { useDeleteRecord, useRealtimeRecord, useRecord, useUpdateRecord } from "../../../src/index";
import { PATIENT_EXPAND, type Patient, type Ward } from "../types";
import { PatientPhoto } from "./PatientPhoto";
import { parseDate, wardLabel } from "./PatientTable";
import { StatusBadge } from "./StatusBadge";

const formatDate = (value: string) => parseDate(value)?.toLocaleString() ?? "—";

export function PatientDetail(props: {
  id: string;
  /** The patient's row on the board, shown until the record's own request answers. */
  row?: Patient;
  wards: Map<string, Ward>;
  onEdit: () => void;
  onClose: () => void;
}) {
  const patient = useRecord<Patient>("patients", () => props.id, () => ({ expand: PATIENT_EXPAND, placeholderData: props.row }));
  // This record's own topic: its updates and deletion reach the detail even while the board's
  // list shows another ward or page.
  useRealtimeRecord<Patient>("patients", () => props.id, () => ({ expand: PATIENT_EXPAND }));
  const remove = useDeleteRecord("patients");
  const update = useUpdateRecord<Patient>("patients", () => ({ expand: PATIENT_EXPAND }));
  const [confirming, setConfirming] = createSignal(false);

  const confirmDelete = () => {
    remove.mutate(props.id, { onSuccess: () => props.onClose() });
    if (!onlineManager.isOnline()) props.onClose(); // offline the delete waits: the row is gone already
  };
  // `rounds+`: two rounds recorded at once by two nurses count two.
  const roundDone = () => update.mutate({ id: props.id, data: { "rounds+": 1 } });

  return (
    <section class="card panel detail" aria-label="Patient details" data-testid="patient-detail">
      <button type="button" class="close" aria-label="Close details" onClick={() => props.onClose()}>
        ×
      </button>
      <Switch>
        <Match when={patient.isPending}>
          <p class="state">Loading…</p>
        </Match>
        <Match when={patient.isError}>
          <p class="state alert" data-testid="detail-error">
            {patient.error?.status === 404 ? "This patient no longer exists." : patient.error?.message}
          </p>
        </Match>
        <Match when={patient.data}>
          {(p) => (
            <>
              <div class="detail-head">
                <PatientPhoto patient={p()} thumb="320x320" size={96} />
                <h2 data-testid="detail-name">{p().name}</h2>
              </div>
              <dl>
                <dt>Status</dt>
                <dd>
                  <StatusBadge status={p().status} />
                </dd>
                <dt>Ward</dt>
                <dd data-testid="detail-ward">{wardLabel(p(), props.wards)}</dd>
                <dt>Bed</dt>
                <dd data-testid="detail-bed">{p().bed || "—"}</dd>
                <dt>Rounds</dt>
                <dd>
                  <span data-testid="detail-rounds">{p().rounds || 0}</span>{" "}
                  <button type="button" class="button small secondary" data-testid="round-done" onClick={roundDone}>
                    Round done
                  </button>
                </dd>
                <dt>Admitted by</dt>
                <dd>{p().expand?.owner?.name ?? "—"}</dd>
                <dt>Notes</dt>
                <dd class="notes">{p().notes || "—"}</dd>
                <dt>Admitted</dt>
                <dd>{formatDate(p().created)}</dd>
                <dt>Updated</dt>
                <dd>{formatDate(p().updated)}</dd>
              </dl>
              <Show when={remove.error}>
                {(error) => (
                  <p class="alert" role="alert">
                    Could not delete: {error().message}
                  </p>
                )}
              </Show>
              <div class="actions">
                <button type="button" class="button secondary" data-testid="edit-patient" onClick={() => props.onEdit()}>
                  Edit
                </button>
                <Show
                  when={confirming()}
                  fallback={
                    <button type="button" class="button danger-outline" data-testid="delete-patient" onClick={() => setConfirming(true)}>
                      Delete
                    </button>
                  }
                >
                  <button
                    type="button"
                    class="button danger"
                    data-testid="confirm-delete"
                    disabled={remove.isPending}
                    onClick={confirmDelete}
                  >
                    {remove.isPending ? "Deleting…" : "Really delete"}
                  </button>
                  <button type="button" class="button secondary" onClick={() => setConfirming(false)}>
                    Keep
                  </button>
                </Show>
              </div>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}
