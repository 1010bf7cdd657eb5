import { Show } from "solid-js";
import { useFileUrl } from "../../../src/index";
import type { Patient } from "../types";

/**
 * A patient's photo at one of the field's thumbnail sizes. The field is protected: its URL carries
 * the signed-in staff member's file token, which useFileUrl fetches and renews. While a photo is
 * being uploaded, the row shows the picked file itself (a local object URL) until the server's
 * answer names the stored file.
 */
export function PatientPhoto(props: { patient: Patient; thumb: "100x100" | "320x320"; size: number }) {
  // Protection comes from the provider's fieldTypes (playground/src/main.tsx).
  const src = useFileUrl(() => props.patient, () => props.patient.photo, () => ({ thumb: props.thumb }));
  return (
    <Show when={src()} fallback={<span class="photo empty" style={{ width: `${props.size}px`, height: `${props.size}px` }} />}>
      {(url) => <img class="photo" data-testid="patient-photo" src={url()} width={props.size} height={props.size} alt="" />}
    </Show>
  );
}
