// Bad-input cases for accounts and administration: account management, due dates, one's
// own password, and notifications.
import { desc, eq } from "drizzle-orm";
import { changePassword, enrolSecondFactor } from "@/app/account/actions";
import { updateDueDate } from "@/app/admin/periods/actions";
import { createUser, resetPassword, resetSecondFactor, setDisabled, unlock, updateUser } from "@/app/admin/users/actions";
import { openNotification } from "@/app/notifications/actions";
import type { Db } from "@/db/client";
import { leaders, notifications, periods, users } from "@/db/schema";
import { hashPassword } from "@/lib/password-hash";
import { totpCode } from "@/lib/totp";
import { USERNAME_PATTERN } from "@/lib/usernames";
import { actAs, unitIdOf, userIdOf } from "./fixture";
import type { ActionCase } from "./harness";

const USERS = "app/admin/users/actions.ts";
const PASSWORD = "Miluo@2026";
const ENROL_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

export async function adminCases(db: Db): Promise<ActionCase[]> {
  const unitId = unitIdOf(db, "发改局");
  const leaderId = db.select({ id: leaders.id }).from(leaders).get()!.id;
  const target = userIdOf(db, "fgj");
  const account = () => db.select().from(users).where(eq(users.id, target)).get()!;
  const byId = () => ({ id: String(target), version: String(account().version) });
  let serial = 0;

  // The password persona: a known current password, so only the field under test is wrong.
  const self = userIdOf(db, "czj");
  db.update(users)
    .set({ passwordHash: await hashPassword(PASSWORD) })
    .where(eq(users.id, self))
    .run();
  const notification = db
    .insert(notifications)
    .values({ userId: self, kind: "notice", title: "请补报第四季度进展", link: "/my" })
    .returning({ id: notifications.id })
    .get().id;

  let password = PASSWORD;
  const nextPassword = () => (password === PASSWORD ? "Xin#Mima2027" : PASSWORD);
  const q4 = () => db.select().from(periods).where(eq(periods.code, "2026Q4")).get()!;
  const asAdmin = () => actAs(db, "admin");

  return [
    {
      ref: `${USERS}#createUser`,
      signIn: asAdmin,
      call: (input) => createUser(undefined, input),
      valid: () => ({ username: `bench${(serial += 1)}`, displayName: "新建账号", role: "unit", unitId: String(unitId), leaderId: "" }),
      fields: [
        // Any new name that fits the pattern may be taken (e.g. "infinity").
        { name: "username", kind: "choice", accepts: (v) => typeof v === "string" && USERNAME_PATTERN.test(v.trim().toLowerCase()) },
        {
          name: "displayName",
          kind: "requiredText",
          stored: () => db.select({ d: users.displayName }).from(users).orderBy(desc(users.id)).get()?.d,
        },
        { name: "role", kind: "choice", choices: ["unit", "admin", "supervisor", "leader"] },
        { name: "unitId", kind: "id" },
        { name: "leaderId", kind: "id" },
      ],
    },
    {
      ref: `${USERS}#updateUser`,
      signIn: asAdmin,
      call: (input) => updateUser(undefined, input),
      valid: () => ({ ...byId(), displayName: "发改局", role: "unit", unitId: String(unitId), leaderId: String(leaderId) }),
      fields: [
        { name: "id", kind: "id" },
        { name: "version", kind: "id" },
        { name: "displayName", kind: "requiredText", stored: () => account().displayName },
        { name: "role", kind: "choice", choices: ["unit", "admin", "supervisor", "leader"] },
        { name: "unitId", kind: "id" },
      ],
      // An accepted role change must not leave the account unusable for the next inputs.
      reset: () => db.update(users).set({ role: "unit", unitId, leaderId: null, displayName: "发改局" }).where(eq(users.id, target)).run(),
    },
    {
      ref: `${USERS}#setDisabled`,
      signIn: asAdmin,
      call: (input) => setDisabled(undefined, input),
      valid: () => ({ ...byId(), disabled: account().disabled ? "false" : "true" }),
      fields: [
        { name: "id", kind: "id" },
        { name: "version", kind: "id" },
        { name: "disabled", kind: "choice", choices: ["true", "false"] },
      ],
    },
    {
      ref: `${USERS}#unlock`,
      signIn: asAdmin,
      call: (input) => unlock(undefined, input),
      valid: byId,
      fields: [
        { name: "id", kind: "id" },
        { name: "version", kind: "id" },
      ],
    },
    {
      ref: `${USERS}#resetPassword`,
      signIn: asAdmin,
      call: (input) => resetPassword(undefined, input),
      valid: byId,
      fields: [
        { name: "id", kind: "id" },
        { name: "version", kind: "id" },
      ],
    },
    {
      ref: `${USERS}#resetSecondFactor`,
      signIn: asAdmin,
      call: (input) => resetSecondFactor(undefined, input),
      valid: byId,
      fields: [
        { name: "id", kind: "id" },
        { name: "version", kind: "id" },
      ],
    },
    {
      ref: "app/account/actions.ts#enrolSecondFactor",
      signIn: () => actAs(db, "czj"),
      call: (input) => enrolSecondFactor(undefined, input),
      // A code from the secret, now; an accepted binding is undone so the next one works.
      valid: () => ({ secret: ENROL_SECRET, code: totpCode(ENROL_SECRET, Date.now()) }),
      reset: () => db.update(users).set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, recoveryCodes: null }).where(eq(users.id, self)).run(),
      fields: [
        { name: "secret", kind: "choice", choices: [ENROL_SECRET] },
        { name: "code", kind: "choice", accepts: () => false },
      ],
    },
    {
      ref: "app/admin/periods/actions.ts#updateDueDate",
      signIn: asAdmin,
      call: (input) => updateDueDate(undefined, input),
      valid: () => ({ code: "2026Q4", version: String(q4().version), dueOn: "2027-01-05" }),
      fields: [
        { name: "code", kind: "choice", choices: ["2026Q1", "2026Q2", "2026Q3", "2026Q4"] },
        { name: "version", kind: "id" },
        { name: "dueOn", kind: "date" },
      ],
    },
    {
      ref: "app/account/actions.ts#changePassword",
      signIn: () => actAs(db, "czj"),
      call: (input) => changePassword(undefined, input),
      valid: () => ({ currentPassword: password, newPassword: nextPassword(), confirmPassword: nextPassword() }),
      // An accepted change (the baseline) makes the new password the current one.
      reset: () => (password = nextPassword()),
      // The corpus never holds the current password, nor a new one typed twice alike.
      fields: [
        { name: "currentPassword", kind: "choice", accepts: () => false },
        { name: "newPassword", kind: "choice", accepts: () => false },
        { name: "confirmPassword", kind: "choice", accepts: () => false },
      ],
    },
    {
      ref: "app/notifications/actions.ts#openNotification",
      signIn: () => actAs(db, "czj"),
      call: (input) => openNotification(undefined, input),
      valid: () => ({ id: String(notification) }),
      fields: [{ name: "id", kind: "id" }],
      foreign: () => {
        const others = db
          .insert(notifications)
          .values({ userId: target, kind: "notice", title: "别人的通知", link: "/my" })
          .returning({ id: notifications.id })
          .get().id;
        return [{ id: String(others) }];
      },
    },
  ];
}
