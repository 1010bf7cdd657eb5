import type { ClientResponseError } from "pocketbase";
import { createEffect, createSignal, For, Show } from "solid-js";
import { onlineManager } from "@tanstack/solid-query";
import { useCreateRecord, useRecord, useUpdateRecord, type UploadProgress } from "../../../src/index";
import { PATIENT_EXPAND, PATIENT_STATUSES, type Patient, type PatientStatus, type Staff, type Ward } from "../types";

const FIELDS = ["name", "ward", "status", "bed", "notes", "photo"] as const;
type Field = (typeof FIELDS)[number];

/** PocketBase's message for one field (`error.response.data.<field>.message`), if any. */
function fieldError(error: ClientResponseError | null, field: string): string | undefined {
  const data = error?.response?.data as Record<string, { message?: string } | undefined> | undefined;
  return data?.[field]?.message;
}

/**
 * The message for the form as a whole: PocketBase's own message when no field of the form has
 * an error of its own. A failed create rule answers 400 "Failed to create record." with no
 * field data, so that message is all there is to show.
 */
function formError(error: ClientResponseError | null): string | undefined {
  if (!error) return undefined;
  if (FIELDS.some((field) => fieldError(error, field))) return "Please correct the marked fields.";
  return error.message;
}

/**
 * Create (no `editId`) or edit a patient. Both are optimistic: the list shows the change at once,
 * and the form stays open until the server answers, so a refusal can roll the row back and be
 * explained here with the input intact.
 */
export function PatientForm(props: {
  me: Staff;
  wards: Ward[];
  editId?: string;
  /** The patient's row on the board: fills the edit form before (or without) the record's request. */
  row?: Patient;
  defaultWard?: string;
  onDone: (id?: string) => void;
}) {
  const editing = props.editId !== undefined;
  // A photo's upload progress, for the bar under the picker.
  const [progress, setProgress] = createSignal<UploadProgress>();
  const onUploadProgress = (sent: UploadProgress) => setProgress({ loaded: sent.loaded, total: sent.total });
  // `expand` matches the lists, so the server's answer can replace the optimistic row as is.
  const create = useCreateRecord<Patient>("patients", () => ({ expand: PATIENT_EXPAND, onUploadProgress }));
  const update = useUpdateRecord<Patient>("patients", () => ({ expand: PATIENT_EXPAND, onUploadProgress }));
  const current = useRecord<Patient>("patients", () => props.editId, () => ({ expand: PATIENT_EXPAND, placeholderData: props.row }));
  const mutation = editing ? update : create;

  const [name, setName] = createSignal("");
  const [ward, setWard] = createSignal(props.defaultWard ?? "");
  const [status, setStatus] = createSignal<PatientStatus | "">("admitted");
  const [bed, setBed] = createSignal("");
  const [notes, setNotes] = createSignal("");
  // Kept after a refusal (too large, not an image): a retry sends the same file, no new pick.
  const [photo, setPhoto] = createSignal<File>();

  // Editing: fill the form once, from the record (not again when a realtime update arrives
  // while the user is typing).
  let filled = false;
  createEffect(() => {
    const patient = current.data;
    if (!patient || filled) return;
    filled = true;
    setName(patient.name);
    setWard(patient.ward);
    setStatus(patient.status);
    setBed(patient.bed ? String(patient.bed) : "");
    setNotes(patient.notes);
  });
  // A new patient goes to the first ward unless the board is filtered to one.
  createEffect(() => {
    if (!editing && !ward() && props.wards[0]) setWard(props.wards[0].id);
  });

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const data = {
      name: name().trim(),
      ward: ward(),
      status: status(),
      // PocketBase stores an unset number as 0; the server checks the 1-40 range.
      bed: bed() === "" ? 0 : Number(bed()),
      notes: notes(),
      // A File in plain data: the SDK sends it as multipart. The board shows it at once (the
      // pending row holds its name; useFileUrl a local object URL) until the stored name comes.
      ...(photo() ? { photo: photo() } : {}),
    };
    setProgress(undefined);
    if (editing) {
      update.mutate({ id: props.editId!, data }, { onSuccess: () => props.onDone(props.editId) });
    } else {
      create.mutate({ ...data, owner: props.me.id }, { onSuccess: (record) => props.onDone(record.id) });
    }
    // Offline the write waits (shown on the board, counted in the header): nothing to wait for here.
    if (!onlineManager.isOnline()) props.onDone(props.editId);
  };

  const error = () => mutation.error;
  const errorOf = (field: Field) => fieldError(error(), field);

  return (
    <section class="card panel" aria-label={editing ? "Edit patient" : "New patient"}>
      <button type="button" class="close" aria-label="Close" onClick={() => props.onDone(props.editId)}>
        ×
      </button>
      <h2>{editing ? "Edit patient" : "New patient"}</h2>
      {/* noValidate: the server's rules decide, and their messages show next to the fields. */}
      <form class="form" data-testid="patient-form" noValidate onSubmit={submit}>
        <Show when={formError(error())}>
          {(message) => (
            <p class="alert" role="alert" data-testid="form-error">
              {message()}
            </p>
          )}
        </Show>
        <label class="field" classList={{ invalid: !!errorOf("name") }}>
          <span>Name</span>
          <input data-testid="field-name" value={name()} onInput={(e) => setName(e.currentTarget.value)} />
          <FieldError message={errorOf("name")} field="name" />
          <Show when={!editing}>
            <small class="muted">The server's create rule refuses names containing “test”: try one to watch a rollback.</small>
          </Show>
        </label>
        <label class="field" classList={{ invalid: !!errorOf("ward") }}>
          <span>Ward</span>
          <select data-testid="field-ward" onChange={(e) => setWard(e.currentTarget.value)}>
            <For each={props.wards}>
              {(w) => (
                <option value={w.id} selected={w.id === ward()}>
                  {w.code} · {w.name}
                </option>
              )}
            </For>
          </select>
          <FieldError message={errorOf("ward")} field="ward" />
        </label>
        <div class="field-row">
          <label class="field" classList={{ invalid: !!errorOf("status") }}>
            <span>Status</span>
            <select data-testid="field-status" onChange={(e) => setStatus(e.currentTarget.value as PatientStatus | "")}>
              <option value="" selected={status() === ""}>
                —
              </option>
              <For each={PATIENT_STATUSES}>
                {(s) => (
                  <option value={s} selected={s === status()}>
                    {s}
                  </option>
                )}
              </For>
            </select>
            <FieldError message={errorOf("status")} field="status" />
          </label>
          <label class="field" classList={{ invalid: !!errorOf("bed") }}>
            <span>Bed (1–40)</span>
            <input data-testid="field-bed" type="number" value={bed()} onInput={(e) => setBed(e.currentTarget.value)} />
            <FieldError message={errorOf("bed")} field="bed" />
          </label>
        </div>
        <label class="field" classList={{ invalid: !!errorOf("photo") }}>
          <span>Photo (an image, up to 10 MB; only signed-in staff can see it)</span>
          <input data-testid="field-photo" type="file" accept="image/*" onChange={(e) => setPhoto(e.currentTarget.files?.[0])} />
          <Show when={mutation.isPending && photo() && progress()}>
            {(sent) => (
              <progress data-testid="upload-progress" value={sent().loaded} max={sent().total || 1}>
                {Math.round((100 * sent().loaded) / (sent().total || 1))}%
              </progress>
            )}
          </Show>
          <FieldError message={errorOf("photo")} field="photo" />
        </label>
        <label class="field" classList={{ invalid: !!errorOf("notes") }}>
          <span>Notes</span>
          <textarea data-testid="field-notes" rows={3} value={notes()} onInput={(e) => setNotes(e.currentTarget.value)} />
          <FieldError message={errorOf("notes")} field="notes" />
        </label>
        <div class="actions">
          <button type="submit" class="button" data-testid="save-patient" disabled={mutation.isPending}>
            {mutation.isPending ? "Saving…" : editing ? "Save changes" : "Add patient"}
          </button>
          <button type="button" class="button secondary" onClick={() => props.onDone(props.editId)}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}

function FieldError(props: { message: string | undefined; field: string }) {
  return (
    <Show when={props.message}>
      <small class="field-error" data-testid={`error-${props.field}`}>
        {props.message}
      </small>
    </Show>
  );
}
