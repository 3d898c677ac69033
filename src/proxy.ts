import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

// Steering only: a visitor without a valid session token is sent to /login and brought back
// afterwards. Real authorization happens in every page and action (src/server/session.ts).
export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (token) return NextResponse.next();
  const loginUrl = new URL("/login", request.url);
  const { pathname, search } = request.nextUrl;
  if (pathname !== "/") loginUrl.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(loginUrl);
}

export const config = {
  // Everything except sign-in, auth and health APIs, Next internals and static files.
  matcher: [
    "/((?!login|api/auth|api/health|_next/static|_next/image|favicon.ico|icons/|manifest.webmanifest|robots.txt).*)",
  ],
};
