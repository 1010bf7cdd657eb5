import type { UseQueryResult } from "@tanstack/solid-query";
import type { ClientResponseError } from "pocketbase";
import { For } from "solid-js";
import { PATIENT_STATUSES, type PatientStatus, type Ward } from "../types";

/** PocketBase sort expressions the board offers; ties are broken by name. */
export const SORTS = {
  name: { label: "Name", sort: "name" },
  bed: { label: "Bed", sort: "bed,name" },
  "-created": { label: "Admitted, newest first", sort: "-created,name" },
  created: { label: "Admitted, oldest first", sort: "created,name" },
} as const;
export type SortKey = keyof typeof SORTS;

const PAGE_SIZES = [10, 25, 50];

export function BoardFilters(props: {
  wards: UseQueryResult<Ward[], ClientResponseError>;
  ward: string;
  onWard: (wardId: string) => void;
  status: PatientStatus | "";
  onStatus: (status: PatientStatus | "") => void;
  sort: SortKey;
  onSort: (sort: SortKey) => void;
  perPage: number;
  onPerPage: (perPage: number) => void;
}) {
  return (
    <div class="filters">
      <label class="inline-field">
        <span>Ward</span>
        <select
          data-testid="filter-ward"
          value={props.ward}
          disabled={props.wards.isPending}
          title={props.wards.error?.message}
          onChange={(e) => props.onWard(e.currentTarget.value)}
        >
          <option value="">{props.wards.isError ? "All wards (list unavailable)" : "All wards"}</option>
          <For each={props.wards.data}>
            {(ward) => (
              <option value={ward.id}>
                {ward.code} · {ward.name}
              </option>
            )}
          </For>
        </select>
      </label>
      <label class="inline-field">
        <span>Status</span>
        <select
          data-testid="filter-status"
          value={props.status}
          onChange={(e) => props.onStatus(e.currentTarget.value as PatientStatus | "")}
        >
          <option value="">Any</option>
          <For each={PATIENT_STATUSES}>{(status) => <option value={status}>{status}</option>}</For>
        </select>
      </label>
      <label class="inline-field">
        <span>Sort</span>
        <select data-testid="sort" value={props.sort} onChange={(e) => props.onSort(e.currentTarget.value as SortKey)}>
          <For each={Object.entries(SORTS)}>{([key, { label }]) => <option value={key}>{label}</option>}</For>
        </select>
      </label>
      <label class="inline-field">
        <span>Per page</span>
        <select data-testid="per-page" value={props.perPage} onChange={(e) => props.onPerPage(Number(e.currentTarget.value))}>
          <For each={PAGE_SIZES}>{(size) => <option value={size}>{size}</option>}</For>
        </select>
      </label>
    </div>
  );
}
