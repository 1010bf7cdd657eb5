// Record shapes of playground/pb_migrations (what `pocketbase-typegen` would generate).
import type { PocketBaseRecord } from "../../src/index";

type Timestamps = { created: string; updated: string };

export type Staff = PocketBaseRecord<{ email: string; name: string; verified: boolean } & Timestamps>;

export type Ward = PocketBaseRecord<{ name: string; code: string } & Timestamps>;

export type PatientStatus = "admitted" | "observation" | "discharged";

export type Patient = PocketBaseRecord<
  {
    name: string;
    /** Ward id. */
    ward: string;
    /** Empty when unset. */
    status: PatientStatus | "";
    /** 0 when unset. */
    bed: number;
    notes: string;
    /** Id of the staff member who admitted the patient; empty when unset. */
    owner: string;
    expand?: { ward?: Ward; owner?: Staff };
  } & Timestamps
>;
