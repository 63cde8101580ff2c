import { redirect } from "next/navigation";
import { requireUser } from "@/app/_lib/current-user";
import { roleHome } from "@/lib/role-home";

// "/" (also where signing in lands without a callback) opens the signed-in role's own home.
export default async function HomePage() {
  const user = await requireUser();
  redirect(roleHome(user.role));
}
