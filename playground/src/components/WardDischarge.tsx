import { createSignal, Show } from "solid-js";
import { useBatch, useFullCollection, usePocketBase } from "../../../src/index";
import type { Patient, Ward } from "../types";

/**
 * "Discharge everyone in this ward": one batch of updates, applied by the server all or nothing.
 * Every row changes at once on this board, and the other windows see the result live. A refusal
 * (batches turned off, a rule) puts every row back and says why. The ward's patients come from a
 * cached list (persisted with the board), so a ward can be discharged offline too: the batch
 * waits, survives a reload, and is sent once when the board is back online.
 */
export function WardDischarge(props: { ward: Ward }) {
  const pb = usePocketBase();
  const batch = useBatch();
  // Everyone in the ward not yet discharged, not only the page on screen.
  const admitted = useFullCollection<Pick<Patient, "id" | "ward">>("patients", () => ({
    filter: pb.filter('ward = {:ward} && status != "discharged"', { ward: props.ward.id }),
    fields: "id,ward,status",
  }));
  const [confirming, setConfirming] = createSignal(false);

  const discharge = () => {
    setConfirming(false);
    // Only this ward's, whatever the list showed a moment ago.
    const patients = (admitted.data ?? []).filter((p) => p.ward === props.ward.id);
    if (patients.length > 0) {
      batch.mutate(patients.map((p) => ({ collection: "patients", update: { id: p.id, data: { status: "discharged" } } })));
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
            disabled={batch.isPending || !admitted.data?.length}
            onClick={() => setConfirming(true)}
          >
            {batch.isPending ? "Discharging…" : `Discharge ward ${props.ward.code}`}
          </button>
        }
      >
        <button type="button" class="button danger" data-testid="confirm-discharge" onClick={discharge}>
          Discharge {admitted.data?.length} in {props.ward.code}
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
