/// <reference path="../pb_data/types.d.ts" />
// Clinic schema for the playground (scripts/playground.mjs runs `serve` with
// --automigrate=false, so this file is the whole schema). A migration that fails makes
// `serve` exit at once: keep every field valid (e.g. a select's maxSelect <= its values).
//
//   staff     auth collection: the people who log in (seeded in the next migration)
//   wards     name + short code
//   patients  who lies where; every change is made by a logged-in staff member

// Base collections get no created/updated fields by themselves in this PocketBase version.
const timestamps = [
  { type: "autodate", name: "created", onCreate: true, onUpdate: false },
  { type: "autodate", name: "updated", onCreate: true, onUpdate: true },
];

// Any logged-in staff member, and nobody else (not users of other auth collections).
// Superusers (the /_/ dashboard) bypass rules anyway.
const STAFF_ONLY = '@request.auth.collectionName = "staff"';

migrate(
  (app) => {
    const staff = new Collection({
      type: "auth",
      name: "staff",
      // Colleagues see each other (the board shows who admitted a patient); nobody signs up
      // or edits accounts from the app: accounts are made in the dashboard.
      listRule: '@request.auth.id != ""',
      viewRule: '@request.auth.id != ""',
      createRule: null,
      updateRule: null,
      deleteRule: null,
      passwordAuth: { enabled: true, identityFields: ["email"] },
      fields: [{ type: "text", name: "name", required: true, max: 100 }],
    });
    // The auth collection comes with its system fields; add the timestamps unless this
    // PocketBase version already did.
    for (const field of timestamps) {
      if (!staff.fields.getByName(field.name)) staff.fields.add(new AutodateField(field));
    }
    app.save(staff);

    const wards = new Collection({
      type: "base",
      name: "wards",
      listRule: STAFF_ONLY,
      viewRule: STAFF_ONLY,
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        { type: "text", name: "name", required: true, max: 100 },
        { type: "text", name: "code", required: true, max: 8 },
        ...timestamps,
      ],
      indexes: ["CREATE UNIQUE INDEX idx_wards_code ON wards (code)"],
    });
    app.save(wards);

    const patients = new Collection({
      type: "base",
      name: "patients",
      listRule: STAFF_ONLY,
      viewRule: STAFF_ONLY,
      // Deliberately strict, so the board can show an optimistic create being rolled back:
      // a name containing "test" (any case: `~` is SQL LIKE) is rejected with 400
      // "Failed to create record.". Real clinics keep test data out of the patient list too.
      createRule: `${STAFF_ONLY} && name !~ "test"`,
      updateRule: STAFF_ONLY,
      deleteRule: STAFF_ONLY,
      fields: [
        { type: "text", name: "name", required: true, max: 200 },
        { type: "relation", name: "ward", collectionId: wards.id, maxSelect: 1, required: true, cascadeDelete: false },
        { type: "select", name: "status", maxSelect: 1, values: ["admitted", "observation", "discharged"] },
        { type: "number", name: "bed", onlyInt: true, min: 1 },
        { type: "text", name: "notes", max: 5000 },
        // Who admitted the patient.
        { type: "relation", name: "owner", collectionId: staff.id, maxSelect: 1, cascadeDelete: false },
        ...timestamps,
      ],
    });
    app.save(patients);
  },
  (app) => {
    for (const name of ["patients", "wards", "staff"]) {
      app.delete(app.findCollectionByNameOrId(name));
    }
  },
);
