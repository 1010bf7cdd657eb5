import type { PatientStatus } from "../types";

export function StatusBadge(props: { status: PatientStatus | "" }) {
  return (
    <span class={`badge badge-${props.status || "none"}`} data-testid="patient-status">
      {props.status || "—"}
    </span>
  );
}
