// A collection of photos for file writes: several files in one field (modifiers), a cover that
// must be a small image (a too-large or wrong file is refused with a field error), thumbnails.
migrate(
  (app) => {
    const albums = new Collection({
      type: "base",
      name: "albums",
      listRule: "",
      viewRule: "",
      createRule: "",
      updateRule: "",
      deleteRule: "",
      fields: [
        { type: "text", name: "title" },
        { type: "file", name: "photos", maxSelect: 10, maxSize: 5242880, thumbs: ["100x100"] },
        { type: "file", name: "cover", maxSelect: 1, maxSize: 1048576, mimeTypes: ["image/png", "image/jpeg"], thumbs: ["100x100"] },
        { type: "autodate", name: "created", onCreate: true, onUpdate: false },
        { type: "autodate", name: "updated", onCreate: true, onUpdate: true },
      ],
    });
    app.save(albums);
  },
  (app) => {
    app.delete(app.findCollectionByNameOrId("albums"));
  },
);
