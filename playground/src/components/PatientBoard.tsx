import { keepPreviousData } from "@tanstack/solid-query";
import { createEffect, createMemo, createSignal, Match, Show, Switch } from "solid-js";
import { useCollection, useFullCollection, usePocketBase, useRealtimeCollection } from "../../../src/index";
import { createEventLog } from "../eventLog";
import { PATIENT_EXPAND, type Patient, type PatientStatus, type Staff, type Ward } from "../types";
import { BoardFilters, type SortKey } from "./BoardFilters";
import { BroadcastPanel } from "./BroadcastPanel";
import { DevWrites } from "./DevWrites";
import { DraftsPanel } from "./DraftsPanel";
import { EventLog } from "./EventLog";
import { Pager } from "./Pager";
import { PatientDetail } from "./PatientDetail";
import { PatientForm } from "./PatientForm";
import { PatientTable } from "./PatientTable";
import { WardDischarge } from "./WardDischarge";

/** What the side panel shows. */
type Panel = { kind: "none" } | { kind: "detail"; id: string } | { kind: "new" } | { kind: "edit"; id: string };

export function PatientBoard(props: { me: Staff }) {
  const pb = usePocketBase();
  const [ward, setWard] = createSignal("");
  const [status, setStatus] = createSignal<PatientStatus | "">("");
  const [sort, setSort] = createSignal<SortKey>("name");
  const [perPage, setPerPage] = createSignal(10);
  const [page, setPage] = createSignal(1);
  const [panel, setPanel] = createSignal<Panel>({ kind: "none" });

  // Everything the query depends on is read inside the accessor: a change of filter, sort or
  // page moves the query to its own key (and the previous one stays cached).
  const filter = () =>
    [
      ward() && pb.filter("ward = {:ward}", { ward: ward() }),
      status() && pb.filter("status = {:status}", { status: status() }),
    ]
      .filter(Boolean)
      .join(" && ");
  const patients = useCollection<Patient>("patients", () => ({
    filter: filter() || undefined,
    sort: sort(),
    expand: PATIENT_EXPAND,
    page: page(),
    perPage: perPage(),
    // Keep the previous rows on screen (dimmed) while the next filter or page loads.
    placeholderData: keepPreviousData,
  }));
  const wards = useFullCollection<Ward>("wards", () => ({ sort: "code", staleTime: 60_000 }));
  const wardsById = createMemo(() => new Map((wards.data ?? []).map((w) => [w.id, w])));

  // A page that no longer exists (the last rows were deleted) falls back to the last one.
  createEffect(() => {
    const total = patients.data?.totalPages ?? 0;
    if (total > 0 && page() > total) setPage(total);
  });

  let tableBox: HTMLDivElement | undefined;
  const shownVersion = (id: string) =>
    tableBox?.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(id)}"]`)?.dataset.updated;
  const log = createEventLog<Patient>(shownVersion);

  // Other users' changes, live. `expand` matches the lists, so patched rows keep their ward and
  // owner; the library applies each event to the cache before `onEvent` runs.
  useRealtimeCollection<Patient>("patients", () => ({ expand: PATIENT_EXPAND, onEvent: log.record }));

  const refine = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setPage(1);
  };
  // The row of a patient, for its detail and edit form to show at once: offline, or before the
  // record's own request has answered.
  const rowOf = (id: string) => patients.data?.items.find((p) => p.id === id);
  const selectedId = () => {
    const p = panel();
    return p.kind === "detail" || p.kind === "edit" ? p.id : undefined;
  };

  return (
    <div class="board">
      <div class="column">
        <section class="card" aria-label="Patients">
          <div class="toolbar">
            <h2>Patients</h2>
            <span class="muted" data-testid="patient-count">
              {patients.data ? `${patients.data.totalItems} ${patients.data.totalItems === 1 ? "patient" : "patients"}` : ""}
            </span>
            <span class="spacer" />
            {/* Keyed: a ward of its own for each ward chosen, never the previous ward's list. */}
            <Show when={wardsById().get(ward())} keyed>
              {(w) => <WardDischarge ward={w} />}
            </Show>
            <button type="button" class="button" data-testid="new-patient" onClick={() => setPanel({ kind: "new" })}>
              New patient
            </button>
          </div>
          <BoardFilters
            wards={wards}
            ward={ward()}
            onWard={refine(setWard)}
            status={status()}
            onStatus={refine(setStatus)}
            sort={sort()}
            onSort={refine(setSort)}
            perPage={perPage()}
            onPerPage={refine(setPerPage)}
          />
          <div ref={tableBox}>
            <PatientTable
              query={patients}
              wards={wardsById()}
              selected={selectedId()}
              onSelect={(id) => setPanel({ kind: "detail", id })}
            />
          </div>
          <Pager page={page()} list={patients.data} onPage={setPage} />
        </section>
        <EventLog entries={log.entries()} />
      </div>

      <aside class="column side">
        <Switch>
          <Match when={panel().kind === "new"}>
            <PatientForm
              me={props.me}
              wards={wards.data ?? []}
              defaultWard={ward()}
              onDone={(id) => setPanel(id ? { kind: "detail", id } : { kind: "none" })}
            />
          </Match>
          <Match when={panel().kind === "edit" && selectedId()} keyed>
            {(id) => (
              <PatientForm
                me={props.me}
                wards={wards.data ?? []}
                editId={id}
                row={rowOf(id)}
                onDone={() => setPanel({ kind: "detail", id })}
              />
            )}
          </Match>
          <Match when={panel().kind === "detail" && selectedId()} keyed>
            {(id) => (
              <PatientDetail
                id={id}
                row={rowOf(id)}
                wards={wardsById()}
                onEdit={() => setPanel({ kind: "edit", id })}
                onClose={() => setPanel({ kind: "none" })}
              />
            )}
          </Match>
          <Match when={panel().kind === "none"}>
            <section class="card panel placeholder">
              <p class="muted">Select a patient to see the details, or add a new one.</p>
            </section>
          </Match>
        </Switch>
        <BroadcastPanel />
        <DraftsPanel me={props.me} />
        {import.meta.env.DEV && <DevWrites />}
      </aside>
    </div>
  );
}
