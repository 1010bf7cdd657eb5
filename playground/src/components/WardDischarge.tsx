import { createSignal, Show } from "solid-js";
import { useBatch, usePocketBase } from "../../../src/index";
import type { Patient, Ward } from "../types";

/**
 * "Discharge everyone in this ward": one batch of updates, applied by the server all or nothing.
 * Every row changes at once on this board, and the other windows see the result live. A refusal
 * (batches turned off, a rule) puts every row back and says why.
 */
export function WardDischarge(props: { ward: Ward }) {
  const pb = usePocketBase();
  const batch = useBatch();
  const [confirming, setConfirming] = createSignal(false);
  const [finding, setFinding] = createSignal(false);

  const discharge = async () => {
    setConfirming(false);
    setFinding(true);
    try {
      // Everyone in the ward, not only the page on screen.
      const patients = await pb.collection("patients").getFullList<Pick<Patient, "id">>({
        filter: pb.filter('ward = {:ward} && status != "discharged"', { ward: props.ward.id }),
        fields: "id",
        requestKey: null,
      });
      if (patients.length > 0) {
        batch.mutate(patients.map((p) => ({ collection: "patients", update: { id: p.id, data: { status: "discharged" } } })));
      }
    } finally {
      setFinding(false);
    }
  };

  return (
    <div class="ward-discharge">
      <Show
        when={confirming()}
        fallback={
          <button
            type="button"
            class="button secondary"
            data-testid="discharge-ward"
            disabled={batch.isPending || finding()}
            onClick={() => setConfirming(true)}
          >
            {batch.isPending ? "Discharging…" : `Discharge ward ${props.ward.code}`}
          </button>
        }
      >
        <button type="button" class="button danger" data-testid="confirm-discharge" onClick={() => void discharge()}>
          Discharge everyone in {props.ward.code}
        </button>
        <button type="button" class="button secondary" onClick={() => setConfirming(false)}>
          Keep
        </button>
      </Show>
      <Show when={batch.error}>
        {(error) => (
          <p class="alert" role="alert" data-testid="discharge-error">
            {error().message}
          </p>
        )}
      </Show>
    </div>
  );
}
