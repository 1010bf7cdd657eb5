import type { UseQueryResult } from "@tanstack/solid-query";
import type { ClientResponseError, ListResult } from "pocketbase";
import { For, Match, Switch } from "solid-js";
import type { Patient } from "../types";
import { StatusBadge } from "./StatusBadge";

export function PatientTable(props: {
  query: UseQueryResult<ListResult<Patient>, ClientResponseError>;
  selected: string | undefined;
  onSelect: (id: string) => void;
}) {
  return (
    <Switch>
      <Match when={props.query.isPending}>
        <p class="state">Loading patients…</p>
      </Match>
      <Match when={props.query.isError}>
        <div class="state alert">
          <p>Could not load patients: {props.query.error?.message}</p>
          <button type="button" class="button secondary" onClick={() => void props.query.refetch()}>
            Try again
          </button>
        </div>
      </Match>
      <Match when={props.query.data?.items.length === 0}>
        <p class="state">No patients in this ward.</p>
      </Match>
      <Match when={props.query.data}>
        {(page) => (
          <table class="table" classList={{ stale: props.query.isPlaceholderData }}>
            <thead>
              <tr>
                <th>Name</th>
                <th>Ward</th>
                <th class="num">Bed</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              <For each={page().items}>
                {(patient) => (
                  <tr
                    tabIndex={0}
                    aria-selected={props.selected === patient.id}
                    classList={{ selected: props.selected === patient.id }}
                    onClick={() => props.onSelect(patient.id)}
                    onKeyDown={(e) => {
                      if (e.key === "Enter" || e.key === " ") {
                        e.preventDefault();
                        props.onSelect(patient.id);
                      }
                    }}
                  >
                    <td class="strong">{patient.name}</td>
                    <td>{patient.expand?.ward ? `${patient.expand.ward.code} · ${patient.expand.ward.name}` : "—"}</td>
                    <td class="num">{patient.bed || "—"}</td>
                    <td>
                      <StatusBadge status={patient.status} />
                    </td>
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
