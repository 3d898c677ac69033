import type { Role } from "@/lib/permissions";

declare module "next-auth" {
  interface User {
    id: string;
    role: Role;
    tokenVersion: number;
  }
  interface Session {
    user: { id: string; role: Role; tokenVersion: number; name: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    role: Role;
    tv: number;
  }
}
