import type { UseQueryResult } from "@tanstack/solid-query";
import type { ClientResponseError, ListResult } from "pocketbase";
import { For, Match, Switch } from "solid-js";
import type { Patient, Ward } from "../types";
import { PatientPhoto } from "./PatientPhoto";
import { StatusBadge } from "./StatusBadge";

/**
 * The ward of a patient: looked up by id first, because an optimistic row carries the new ward
 * id before the server's answer brings the matching `expand.ward` (a create has no expand yet,
 * an update that moves a patient still has the old ward's).
 */
export function wardLabel(patient: Patient, wards: Map<string, Ward>): string {
  const ward = wards.get(patient.ward) ?? patient.expand?.ward;
  return ward ? `${ward.code} · ${ward.name}` : "—";
}

export function PatientTable(props: {
  query: UseQueryResult<ListResult<Patient>, ClientResponseError>;
  wards: Map<string, Ward>;
  selected: string | undefined;
  onSelect: (id: string) => void;
}) {
  return (
    <Switch>
      <Match when={props.query.isPending}>
        <p class="state">Loading patients…</p>
      </Match>
      <Match when={props.query.isError && !props.query.data}>
        <div class="state alert">
          <p>Could not load patients: {props.query.error?.message}</p>
          <button type="button" class="button secondary" onClick={() => void props.query.refetch()}>
            Try again
          </button>
        </div>
      </Match>
      <Match when={props.query.data?.items.length === 0}>
        <p class="state" data-testid="no-patients">
          No patients match.
        </p>
      </Match>
      <Match when={props.query.data}>
        {(page) => (
          <table class="table" data-testid="patient-table" classList={{ stale: props.query.isPlaceholderData }}>
            <thead>
              <tr>
                <th>Name</th>
                <th>Ward</th>
                <th class="num">Bed</th>
                <th>Status</th>
                <th>Admitted</th>
              </tr>
            </thead>
            <tbody>
              <For each={page().items}>
                {(patient) => (
                  <tr
                    tabIndex={0}
                    data-testid="patient-row"
                    data-id={patient.id}
                    data-updated={patient.updated}
                    aria-selected={props.selected === patient.id}
                    classList={{
                      selected: props.selected === patient.id,
                      // Optimistic, not yet confirmed: the server's answer always expands the ward.
                      saving: !patient.expand?.ward,
                    }}
                    onClick={() => props.onSelect(patient.id)}
                    onKeyDown={(e) => {
                      if (e.key === "Enter" || e.key === " ") {
                        e.preventDefault();
                        props.onSelect(patient.id);
                      }
                    }}
                  >
                    <td class="strong" data-testid="patient-name">
                      <PatientPhoto patient={patient} thumb="100x100" size={28} />
                      {patient.name}
                    </td>
                    <td data-testid="patient-ward">{wardLabel(patient, props.wards)}</td>
                    <td class="num" data-testid="patient-bed">
                      {patient.bed || "—"}
                    </td>
                    <td>
                      <StatusBadge status={patient.status} />
                    </td>
                    <td class="muted">{formatDay(patient.created)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        )}
      </Match>
    </Switch>
  );
}

/** PocketBase dates are "2024-05-01 10:20:30.123Z". */
export function parseDate(value: string): Date | undefined {
  return value ? new Date(value.replace(" ", "T")) : undefined;
}

function formatDay(value: string): string {
  return parseDate(value)?.toLocaleDateString(undefined, { day: "numeric", month: "short" }) ?? "—";
}
