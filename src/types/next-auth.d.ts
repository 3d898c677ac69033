import type { Role } from "@/lib/permissions";

declare module "next-auth" {
  interface User {
    id: string;
    role: Role;
    tokenVersion: number;
    /** The server-side session row (src/server/user-sessions.ts). */
    sessionId: string;
  }
  interface Session {
    user: { id: string; role: Role; tokenVersion: number; sessionId: string; name: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    role: Role;
    tv: number;
    /** Absent in tokens issued before server-side sessions: such a token opens nothing. */
    sid?: string;
  }
}
