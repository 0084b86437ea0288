"use client";

import { LogOut } from "lucide-react";
import { signOut } from "next-auth/react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { UserMenuButton, type UserMenuProps } from "@/components/layout/user-menu";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

/** The user menu itself, loaded on the first press of its button (see ./user-menu.tsx). */
export default function UserMenuDropdown({
  user,
  roles,
  label,
  open,
  onOpenChange,
}: UserMenuProps & { open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useTranslations();
  return (
    <DropdownMenu open={open} onOpenChange={onOpenChange}>
      <DropdownMenuTrigger asChild>
        <UserMenuButton name={user.name} label={label} />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-72">
        <DropdownMenuLabel>
          <span className="block truncate">{user.name}</span>
          <span className="block truncate text-xs font-normal text-muted-foreground">{user.email}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuLabel className="text-xs font-medium text-muted-foreground">{t("nav.rolesHeading")}</DropdownMenuLabel>
        <ul className="px-2 pb-1 text-sm" data-testid="user-roles">
          {user.isAdmin ? <li className="py-0.5">{t("nav.administrator")}</li> : null}
          {roles.length === 0 && !user.isAdmin ? <li className="py-0.5 text-muted-foreground">{t("nav.noRoles")}</li> : null}
          {roles.map((r) => (
            <li key={r.seriesId} className="flex justify-between gap-3 py-0.5">
              <span className="font-medium">{r.seriesShortName}</span>
              <span className="text-muted-foreground">
                {r.role === "DELEGATE" && r.partyCode ? t("roles.delegateOf", { party: r.partyCode }) : t(`roles.${r.role}`)}
              </span>
            </li>
          ))}
        </ul>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/account">{t("nav.account")}</Link>
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => void signOut({ callbackUrl: "/sign-in" })}>
          <LogOut aria-hidden />
          {t("nav.signOut")}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
