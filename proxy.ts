import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

// A cheap first gate: signed-out visitors of any page go to sign-in and come back after it.
// The real check (account active, session not revoked) happens on the server for every request.
export async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const headers = new Headers(req.headers);
  headers.set("x-trilogue-path", pathname + search);
  const token = await getToken({ req, secret: process.env.NEXTAUTH_SECRET });
  if (!token) {
    const url = req.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = "";
    if (pathname !== "/") url.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(url);
  }
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!api/|_next/|sign-in|invite/|favicon\\.ico|icon\\.svg|robots\\.txt).*)"],
};
