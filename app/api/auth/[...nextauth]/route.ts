import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/server/auth/options";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

function handler(req: NextRequest, ctx: RouteContext) {
  return NextAuth(req, ctx, authOptions());
}

export { handler as GET, handler as POST };
