import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { UsersAdmin } from "@/components/admin/users-admin";
import { api, requireAdminPage } from "@/server/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("users") };
}

export default async function AdminUsersPage() {
  const viewer = await requireAdminPage();
  const users = await (await api()).admin.users.list();
  return (
    <UsersAdmin
      currentUserId={viewer.userId}
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
