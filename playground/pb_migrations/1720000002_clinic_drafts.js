/// <reference path="../pb_data/types.d.ts" />
// Two additions for the board (a migration of its own, so an existing playground/pb_data
// upgrades in place):
//
//   patients.bed  gets an upper bound (1-40), so the form can show a server field error next
//                 to the field (`error.response.data.bed.message`), apart from the create
//                 rule's "name contains test" rejection, which carries no field data.
//   drafts        short private memos of one staff member: every rule is "author is me", so
//                 another user never sees them, not even through realtime (PocketBase checks
//                 the listRule per subscriber). The e2e test logs out and in as the other user
//                 to prove none of them stays on screen or in the cache.

const MAX_BED = 40;

migrate(
  (app) => {
    const patients = app.findCollectionByNameOrId("patients");
    const bed = patients.fields.getByName("bed");
    bed.max = MAX_BED;
    app.save(patients);

    const staff = app.findCollectionByNameOrId("staff");
    const mine = '@request.auth.id != "" && author = @request.auth.id';
    const drafts = new Collection({
      type: "base",
      name: "drafts",
      listRule: mine,
      viewRule: mine,
      createRule: `@request.auth.collectionName = "staff" && @request.body.author = @request.auth.id`,
      updateRule: `${mine} && (@request.body.author:isset = false || @request.body.author = @request.auth.id)`,
      deleteRule: mine,
      fields: [
        { type: "text", name: "text", required: true, max: 500 },
        { type: "relation", name: "author", collectionId: staff.id, maxSelect: 1, required: true, cascadeDelete: true },
        { type: "autodate", name: "created", onCreate: true, onUpdate: false },
        { type: "autodate", name: "updated", onCreate: true, onUpdate: true },
      ],
    });
    app.save(drafts);
  },
  (app) => {
    app.delete(app.findCollectionByNameOrId("drafts"));
    const patients = app.findCollectionByNameOrId("patients");
    patients.fields.getByName("bed").max = null;
    app.save(patients);
  },
);
