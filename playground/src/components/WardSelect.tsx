import { For } from "solid-js";
import { useFullCollection } from "../../../src/index";
import type { Ward } from "../types";

/** All wards, or one; the value is a ward id ("" for all). */
export function WardSelect(props: { value: string; onChange: (wardId: string) => void }) {
  const wards = useFullCollection<Ward>("wards", () => ({ sort: "code" }));
  return (
    <label class="inline-field">
      <span>Ward</span>
      <select
        value={props.value}
        disabled={wards.isPending}
        title={wards.error?.message}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        <option value="">{wards.isError ? "All wards (list unavailable)" : "All wards"}</option>
        <For each={wards.data}>
          {(ward) => (
            <option value={ward.id}>
              {ward.code} · {ward.name}
            </option>
          )}
        </For>
      </select>
    </label>
  );
}
