// Two verified users in the built-in `users` auth collection (PocketBase >= 0.23 creates
// it with owner-only rules `id = @request.auth.id`; we keep those as they are).
// Password for both: "password123" (tests/helpers/pocketbase.ts `userClient`).

const seedUsers = [
  { email: "alice@example.com", name: "Alice" },
  { email: "bob@example.com", name: "Bob" },
];

migrate(
  (app) => {
    const users = app.findCollectionByNameOrId("users");
    for (const { email, name } of seedUsers) {
      const record = new Record(users);
      record.set("email", email);
      record.set("name", name);
      record.set("verified", true);
      record.setPassword("password123");
      app.save(record);
    }
  },
  (app) => {
    for (const { email } of seedUsers) {
      app.delete(app.findAuthRecordByEmail("users", email));
    }
  },
);
