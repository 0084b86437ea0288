import "server-only";
import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { currentViewer } from "@/server/auth/session";
import { db } from "@/server/db";
import { createCaller } from "@/server/trpc/root";

/** The tRPC caller for server components: the same procedures, checks and errors as the HTTP API. */
export const api = cache(async () => createCaller({ db: db(), viewer: await currentViewer(), headers: await headers() }));

/** Runs a query for a page; NOT_FOUND (missing or not the viewer's to see) renders the 404 page. */
export async function loadOrNotFound<T>(query: Promise<T>): Promise<T> {
  try {
    return await query;
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
