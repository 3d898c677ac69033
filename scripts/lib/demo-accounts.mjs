// The demo sign-ins, shared by the demo seed, `npm start`'s banner, the README and the e2e tests.
// Every demo account's password is DEMO_PASSWORD (default "berbagi-demo").

export const DEFAULT_DEMO_PASSWORD = "berbagi-demo";

export function demoPassword() {
  return process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
}

export const DEMO_USERNAMES = {
  admin: "admin",
  leader: "bupati",
  secondLeader: "sekda",
  supervisor: "pengawas",
  camat: "camat.genteng",
};

/** Synthetic, valid-format PNS NIPs of the first three demo ASN (they foster 4, 2 and 3 families). */
export const DEMO_ASN_NIPS = ["198609262015051001", "199203152019032001", "197808172005011001"];
