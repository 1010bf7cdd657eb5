/// <reference path="../pb_data/types.d.ts" />
// A photo per patient. Protected: the file is served only with a signed-in staff member's file
// token (PocketBase checks the collection's view rule with the token's user), so a photo's URL
// copied out of the app opens for nobody else. Thumbnails for the board (100x100) and the detail
// (320x320); up to 10 MB, images only.

migrate(
  (app) => {
    const patients = app.findCollectionByNameOrId("patients");
    patients.fields.add(
      new FileField({
        name: "photo",
        maxSelect: 1,
        maxSize: 10 * 1024 * 1024,
        mimeTypes: ["image/jpeg", "image/png", "image/webp", "image/gif"],
        thumbs: ["100x100", "320x320"],
        protected: true,
      }),
    );
    app.save(patients);
  },
  (app) => {
    const patients = app.findCollectionByNameOrId("patients");
    patients.fields.removeByName("photo");
    app.save(patients);
  },
);
