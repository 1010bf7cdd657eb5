// Sign-in by email code (OTP) on the built-in `users` collection, for the OTP hooks' tests. The
// codes are never mailed: tests/pb_hooks/mail.pb.js keeps them for the tests to read.
migrate(
  (app) => {
    const users = app.findCollectionByNameOrId("users");
    users.otp.enabled = true;
    app.save(users);
  },
  (app) => {
    const users = app.findCollectionByNameOrId("users");
    users.otp.enabled = false;
    app.save(users);
  },
);
