import "server-only";
import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { Viewer } from "@/server/access";
import { currentViewer } from "@/server/auth/session";
import { db } from "@/server/db";
import { createCaller } from "@/server/trpc/root";

/** Where a page request came from (set by proxy.ts), for returning after sign-in. */
async function currentPath(): Promise<string> {
  return (await headers()).get("x-trilogue-path") ?? "/";
}

/**
 * The signed-in viewer of a page, or a redirect to sign-in (and back). Layouts do not re-render on
 * client navigation, so every page checks: a deactivated or revoked session stops at its next click.
 */
export const requireViewer = cache(async (): Promise<Viewer> => {
  const viewer = await currentViewer();
  if (!viewer) redirect(`/sign-in?callbackUrl=${encodeURIComponent(await currentPath())}`);
  return viewer;
});

/** The tRPC caller for signed-in pages: the same procedures, checks and errors as the HTTP API. */
export const api = cache(async () => createCaller({ db: db(), viewer: await requireViewer(), headers: await headers() }));

/** The signed-in person's account (me.get), read once per request however many parts of the page need it. */
export const currentAccount = cache(async () => (await api()).me.get());

/** Administration pages look like missing pages to everyone else. */
export async function requireAdminPage(): Promise<Viewer> {
  const viewer = await requireViewer();
  if (!viewer.isAdmin) notFound();
  return viewer;
}

/** Runs a query for a page; NOT_FOUND (missing or not the viewer's to see) renders the 404 page. */
export async function loadOrNotFound<T>(query: Promise<T>): Promise<T> {
  try {
    return await query;
  } catch (error) {
    // An id in the address that no object could have (malformed, NUL, thousands of characters)
    // is a page that does not exist, exactly like a well-formed id of nothing.
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}
