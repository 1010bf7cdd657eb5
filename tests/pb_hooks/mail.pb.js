// The auth mails are not sent (no e.next()): what each would carry is kept instead, and a
// superuser reads it with GET /api/test/mail/{kind}/{email}, as a user would read the mail:
// kind "otp" (the code), "verification" and "password-reset" (the token).
onMailerRecordOTPSend((e) => {
  $app.store().set("test-mail:otp:" + e.record.email(), e.meta["password"]);
});

onMailerRecordVerificationSend((e) => {
  $app.store().set("test-mail:verification:" + e.record.email(), e.meta["token"]);
});

onMailerRecordPasswordResetSend((e) => {
  $app.store().set("test-mail:password-reset:" + e.record.email(), e.meta["token"]);
});

routerAdd(
  "GET",
  "/api/test/mail/{kind}/{email}",
  (e) => {
    const value = $app.store().get("test-mail:" + e.request.pathValue("kind") + ":" + e.request.pathValue("email"));
    return e.json(200, { value: value || "" });
  },
  $apis.requireSuperuserAuth(),
);
