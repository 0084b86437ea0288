"use client";

import { ChevronDown, UserRound } from "lucide-react";
import { useState, type ComponentProps, type ComponentType } from "react";
import { Button } from "@/components/ui/button";

export type UserRole = { seriesId: string; seriesShortName: string; role: "CONVENOR" | "DELEGATE" | "SCHOLAR" | "OBSERVER"; partyCode: string | null };

export type UserMenuProps = {
  user: { name: string; email: string; isAdmin: boolean };
  roles: UserRole[];
  /** The button's accessible name ("Account menu for …"), translated on the server. */
  label: string;
};

type DropdownProps = UserMenuProps & { open: boolean; onOpenChange: (open: boolean) => void };

/** The button that opens the user menu: the same before and after the menu is loaded. */
export function UserMenuButton({ name, label, ...props }: ComponentProps<typeof Button> & { name: string; label: string }) {
  return (
    <Button variant="ghost" size="sm" aria-label={label} aria-haspopup="menu" data-testid="user-menu" {...props}>
      <UserRound aria-hidden />
      <span className="hidden max-w-40 truncate sm:inline">{name}</span>
      <ChevronDown aria-hidden className="opacity-60" />
    </Button>
  );
}

/**
 * On every page, so it costs almost nothing until used: a plain button until the first press, then the
 * menu (Radix, next-auth's sign-out, translations) loads and opens in its place.
 */
export function UserMenu(props: UserMenuProps) {
  const [Dropdown, setDropdown] = useState<ComponentType<DropdownProps> | null>(null);
  const [open, setOpen] = useState(false);
  if (Dropdown) return <Dropdown {...props} open={open} onOpenChange={setOpen} />;
  const load = () =>
    void import("@/components/layout/user-menu-dropdown").then((module) => {
      setDropdown(() => module.default);
      setOpen(true);
    });
  return (
    <UserMenuButton
      name={props.user.name}
      label={props.label}
      onClick={load}
      onKeyDown={(event) => {
        if (event.key === "ArrowDown") {
          event.preventDefault();
          load();
        }
      }}
    />
  );
}
