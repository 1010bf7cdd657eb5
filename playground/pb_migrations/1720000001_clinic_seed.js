/// <reference path="../pb_data/types.d.ts" />
// Seed data for the playground: two staff logins, three wards, twelve patients.
// Staff password for both: "clinic-demo-1" (printed by `npm run playground`, see README).

const PASSWORD = "clinic-demo-1";

const seedStaff = [
  { email: "alice@clinic.test", name: "Dr. Alice Hart" },
  { email: "bob@clinic.test", name: "Nurse Bob Lee" },
];

const seedWards = [
  { code: "A", name: "Acute Medicine" },
  { code: "B", name: "Cardiology" },
  { code: "C", name: "Surgical Recovery" },
];

// [name, ward code, status, bed, notes, admitted by (index into seedStaff)]
const seedPatients = [
  ["Maria Okafor", "A", "admitted", 1, "Community-acquired pneumonia; IV antibiotics day 2.", 0],
  ["James Whitfield", "A", "observation", 2, "Fall at home, head CT clear. Neuro obs 4-hourly.", 1],
  ["Priya Raman", "A", "admitted", 4, "DKA, on insulin infusion.", 0],
  ["Tomás Alvarez", "A", "discharged", 6, "Cellulitis resolved; oral antibiotics to finish at home.", 1],
  ["Helen Park", "B", "admitted", 1, "NSTEMI, awaiting angiography.", 0],
  ["Samuel Osei", "B", "observation", 3, "Palpitations; 24 h telemetry.", 1],
  ["Grace Liu", "B", "admitted", 5, "New atrial fibrillation, rate control started.", 0],
  ["Robert Klein", "B", "discharged", 7, "Heart failure, diuresed 4 kg. Clinic follow-up in 2 weeks.", 0],
  ["Amara Nwosu", "C", "admitted", 2, "Day 1 after laparoscopic cholecystectomy.", 1],
  ["Elena Petrova", "C", "observation", 3, "Post-op hip replacement, watching haemoglobin.", 1],
  ["Daniel Byrne", "C", "admitted", 5, "Appendicectomy yesterday, mobilising.", 0],
  ["Yusuf Demir", "C", "discharged", 8, "Hernia repair, discharged with wound-care advice.", 1],
];

migrate(
  (app) => {
    const staffCollection = app.findCollectionByNameOrId("staff");
    const staff = seedStaff.map(({ email, name }) => {
      const record = new Record(staffCollection);
      record.set("email", email);
      record.set("name", name);
      record.set("verified", true);
      record.setPassword(PASSWORD);
      app.save(record);
      return record;
    });

    const wardsCollection = app.findCollectionByNameOrId("wards");
    const wardIds = {};
    for (const { code, name } of seedWards) {
      const record = new Record(wardsCollection);
      record.set("code", code);
      record.set("name", name);
      app.save(record);
      wardIds[code] = record.id;
    }

    const patientsCollection = app.findCollectionByNameOrId("patients");
    for (const [name, ward, status, bed, notes, owner] of seedPatients) {
      const record = new Record(patientsCollection);
      record.set("name", name);
      record.set("ward", wardIds[ward]);
      record.set("status", status);
      record.set("bed", bed);
      record.set("notes", notes);
      record.set("owner", staff[owner].id);
      app.save(record);
    }
  },
  (app) => {
    // Records go with their collections when the schema migration is reverted; this only
    // empties them, so reverting the seed alone leaves an empty but working schema.
    for (const name of ["patients", "wards", "staff"]) {
      for (const record of app.findAllRecords(name)) app.delete(record);
    }
  },
);
