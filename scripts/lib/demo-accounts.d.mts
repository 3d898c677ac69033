export declare const DEFAULT_DEMO_PASSWORD: string;
export declare function demoPassword(): string;
export declare const DEMO_USERNAMES: {
  admin: string;
  leader: string;
  secondLeader: string;
  supervisor: string;
  camat: string;
};
export declare const DEMO_ASN_NIPS: [string, string, string];
