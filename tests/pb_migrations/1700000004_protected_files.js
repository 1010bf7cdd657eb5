// Protected files: `vault` records are seen by signed-in users only, and their `secret` file is
// served only with a signed-in user's file token (PocketBase checks the view rule with the
// token's user; a public view rule would let anyone through). A short file-token lifetime for
// users (10 s, the least the server takes), so a test can watch a token be renewed.
migrate(
  (app) => {
    const signedIn = '@request.auth.id != ""';
    const vault = new Collection({
      type: "base",
      name: "vault",
      listRule: signedIn,
      viewRule: signedIn,
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        { type: "text", name: "title" },
        { type: "file", name: "attachment", maxSelect: 1, maxSize: 1048576 },
        { type: "file", name: "secret", maxSelect: 1, maxSize: 1048576, protected: true },
      ],
    });
    app.save(vault);
    const users = app.findCollectionByNameOrId("users");
    users.fileToken.duration = 10;
    app.save(users);
  },
  (app) => {
    app.delete(app.findCollectionByNameOrId("vault"));
  },
);
