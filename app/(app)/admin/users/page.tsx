import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { UsersAdmin } from "@/components/admin/users-admin";
import { api } from "@/server/trpc/server";
import { currentViewer } from "@/server/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("users") };
}

export default async function AdminUsersPage() {
  const [users, viewer] = await Promise.all([(await api()).admin.users.list(), currentViewer()]);
  return (
    <UsersAdmin
      currentUserId={viewer?.userId ?? ""}
      users={users.map((u) => ({
        id: u.id,
        name: u.name,
        email: u.email,
        affiliation: u.affiliation ?? "",
        isAdmin: u.isAdmin,
        active: u.deactivatedAt === null,
        memberships: u._count.memberships,
      }))}
    />
  );
}
