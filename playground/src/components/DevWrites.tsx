import { onCleanup } from "solid-js";
import { useCreateRecord, useDeleteRecord, useUpdateRecord } from "../../../src/index";
import { PATIENT_EXPAND, type Patient } from "../types";

/**
 * For the browser tests (e2e/), in development only: the board's write hooks on
 * `window.__clinic.writes`, so a check can make fifty changes without fifty form fills. They are
 * the hooks the forms use, with the same options.
 */
export function DevWrites() {
  const create = useCreateRecord<Patient>("patients", () => ({ expand: PATIENT_EXPAND }));
  const update = useUpdateRecord<Patient>("patients", () => ({ expand: PATIENT_EXPAND }));
  const remove = useDeleteRecord("patients");
  const clinic = (window as unknown as { __clinic: Record<string, unknown> }).__clinic;
  clinic.writes = { create: create.mutate, update: update.mutate, remove: remove.mutate };
  onCleanup(() => delete clinic.writes);
  return null;
}
