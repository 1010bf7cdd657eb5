// Test schema for the harness (tests/setup/pocketbase.global.ts applies it with
// --automigrate=false on a throwaway data dir). A failing migration makes `serve`
// exit at once, so keep every field valid (e.g. maxSelect <= number of values).

// created/updated are not added to base collections automatically: declare them.
const timestamps = [
  { type: "autodate", name: "created", onCreate: true, onUpdate: false },
  { type: "autodate", name: "updated", onCreate: true, onUpdate: true },
];

migrate(
  (app) => {
    // Public collection, target of posts.author.
    const authors = new Collection({
      type: "base",
      name: "authors",
      listRule: "",
      viewRule: "",
      createRule: "",
      updateRule: "",
      deleteRule: "",
      fields: [{ type: "text", name: "name", required: true }, ...timestamps],
    });
    app.save(authors);

    // The main collection the hooks are tested against. Public, except that a
    // create titled "forbidden" is rejected (400) so tests can hit a rule failure.
    const posts = new Collection({
      type: "base",
      name: "posts",
      listRule: "",
      viewRule: "",
      createRule: 'title != "forbidden"',
      updateRule: "",
      deleteRule: "",
      fields: [
        { type: "text", name: "title", required: true, max: 200 },
        { type: "text", name: "body" },
        { type: "select", name: "status", maxSelect: 1, values: ["draft", "published", "archived"] },
        // Not onlyInt and no min: tests use fractional and negative values too.
        { type: "number", name: "views" },
        { type: "select", name: "tags", maxSelect: 5, values: ["red", "green", "blue", "yellow", "black"] },
        { type: "relation", name: "author", collectionId: authors.id, maxSelect: 1, cascadeDelete: false },
        { type: "bool", name: "published" },
        { type: "date", name: "publishedAt" },
        // Tests stamp a unique scope on their records and filter on it to isolate themselves.
        { type: "text", name: "scope" },
        ...timestamps,
      ],
    });
    app.save(posts);

    // Owner-only records of the built-in `users` auth collection.
    const users = app.findCollectionByNameOrId("users");
    const owner = "owner = @request.auth.id";
    const notes = new Collection({
      type: "base",
      name: "notes",
      listRule: owner,
      viewRule: owner,
      createRule: '@request.auth.id != "" && ' + owner,
      updateRule: owner,
      deleteRule: owner,
      fields: [
        { type: "text", name: "text" },
        { type: "relation", name: "owner", collectionId: users.id, maxSelect: 1, required: true, cascadeDelete: true },
        ...timestamps,
      ],
    });
    app.save(notes);

    // Superusers only (all rules null): a guest listing it gets 403.
    const secrets = new Collection({
      type: "base",
      name: "secrets",
      listRule: null,
      viewRule: null,
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [{ type: "text", name: "value" }, ...timestamps],
    });
    app.save(secrets);
  },
  (app) => {
    for (const name of ["secrets", "notes", "posts", "authors"]) {
      app.delete(app.findCollectionByNameOrId(name));
    }
  },
);
