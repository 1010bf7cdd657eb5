import { keepPreviousData } from "@tanstack/solid-query";
import { createSignal, Show } from "solid-js";
import { useCollection, usePocketBase } from "../../../src/index";
import type { Patient } from "../types";
import { PatientDetail } from "./PatientDetail";
import { PatientTable } from "./PatientTable";
import { WardSelect } from "./WardSelect";

export function PatientBoard() {
  const pb = usePocketBase();
  const [ward, setWard] = createSignal("");
  const [selected, setSelected] = createSignal<string>();
  // The filter is read inside the accessor: choosing a ward moves the query to a new key.
  const patients = useCollection<Patient>("patients", () => ({
    sort: "name",
    expand: "ward",
    filter: ward() ? pb.filter("ward = {:ward}", { ward: ward() }) : undefined,
    perPage: 100,
    // Keep the previous ward's rows on screen (dimmed) while the next ward loads.
    placeholderData: keepPreviousData,
  }));

  return (
    <div class="board" classList={{ "with-detail": !!selected() }}>
      <section class="card">
        <div class="toolbar">
          <h2>Patients</h2>
          <Show when={patients.data}>
            {(page) => <span class="muted">{page().totalItems} shown</span>}
          </Show>
          <span class="spacer" />
          <WardSelect value={ward()} onChange={setWard} />
        </div>
        <PatientTable query={patients} selected={selected()} onSelect={setSelected} />
      </section>
      <Show when={selected()} keyed>
        {(id) => <PatientDetail id={id} onClose={() => setSelected(undefined)} />}
      </Show>
    </div>
  );
}
