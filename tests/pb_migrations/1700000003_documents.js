// A public collection with a file field: writes that carry a File.
migrate(
  (app) => {
    const documents = new Collection({
      type: "base",
      name: "documents",
      listRule: "",
      viewRule: "",
      createRule: "",
      updateRule: "",
      deleteRule: "",
      fields: [
        { type: "text", name: "title" },
        { type: "file", name: "attachment", maxSelect: 1, maxSize: 1048576 },
        { type: "autodate", name: "created", onCreate: true, onUpdate: false },
        { type: "autodate", name: "updated", onCreate: true, onUpdate: true },
      ],
    });
    app.save(documents);
  },
  (app) => {
    app.delete(app.findCollectionByNameOrId("documents"));
  },
);
