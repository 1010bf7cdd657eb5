/// <reference path="../pb_data/types.d.ts" />
// Ward rounds done per patient: the detail's "Round done" adds one with PocketBase's `rounds+`
// modifier, so two nurses recording a round at once count two. Such an update must never be
// sent twice (the offline switch shows what happens when its answer is lost).

migrate(
  (app) => {
    const patients = app.findCollectionByNameOrId("patients");
    patients.fields.add(new NumberField({ name: "rounds", onlyInt: true, min: 0 }));
    app.save(patients);
  },
  (app) => {
    const patients = app.findCollectionByNameOrId("patients");
    patients.fields.removeByName("rounds");
    app.save(patients);
  },
);
