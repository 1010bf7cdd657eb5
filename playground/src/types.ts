// Record shapes of playground/pb_migrations (what `pocketbase-typegen` would generate).
import type { PocketBaseRecord } from "../../src/index";

type Timestamps = { created: string; updated: string };

export type Staff = PocketBaseRecord<{ email: string; name: string; verified: boolean } & Timestamps>;

export type Ward = PocketBaseRecord<{ name: string; code: string } & Timestamps>;

export type PatientStatus = "admitted" | "observation" | "discharged";

export const PATIENT_STATUSES: readonly PatientStatus[] = ["admitted", "observation", "discharged"];

/** The relations every patient query expands: lists, detail, mutations and realtime alike. */
export const PATIENT_EXPAND = "ward,owner";

export type Patient = PocketBaseRecord<
  {
    name: string;
    /** Ward id. */
    ward: string;
    /** Empty when unset. */
    status: PatientStatus | "";
    /** 1-40; 0 when unset. */
    bed: number;
    /** Ward rounds done (added to with `rounds+`); 0 when none. */
    rounds: number;
    notes: string;
    /** Stored file name of the photo (a protected file field); empty when none. */
    photo: string;
    /** Id of the staff member who admitted the patient; empty when unset. */
    owner: string;
    expand?: { ward?: Ward; owner?: Staff };
  } & Timestamps
>;

/** A private memo: only its author can list, view or change it (the collection's rules). */
export type Draft = PocketBaseRecord<{ text: string; author: string } & Timestamps>;

/** What playground/pb_hooks/broadcast.pb.js publishes on the "clinic/broadcast" topic. */
export interface BroadcastMessage {
  text: string;
  /** Name of the staff member who sent it. */
  from: string;
  fromId: string;
  /** ISO time on the server. */
  at: string;
}
