import type { NextRequest } from "next/server";
import { createRequestContext } from "@/server/trpc/context";
import { handleTrpcRequest } from "@/server/trpc/http";

function handler(req: NextRequest) {
  return handleTrpcRequest(req, () => createRequestContext(req));
}

export { handler as GET, handler as POST };
