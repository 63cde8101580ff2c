// Where each role lands after signing in (and on "/"): the page its work starts from.
import type { Role } from "./vocabulary";

export const ROLE_HOME: Readonly<Record<Role, string>> = {
  unit: "/my",
  leader: "/dashboard",
  supervisor: "/supervision",
  admin: "/admin/users",
  deputy: "/projects",
};

export const roleHome = (role: Role): string => ROLE_HOME[role];
