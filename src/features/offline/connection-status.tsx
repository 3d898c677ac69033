"use client";

import { useOffline } from "./use-offline";

/** Online/offline dot for the ASN header, with the number of reports waiting to be sent. */
export function ConnectionStatus() {
  const { online, items } = useOffline();
  const waiting = items.filter((i) => i.status === "PENDING").length;
  return (
    <span
      className="inline-flex items-center gap-1.5 rounded-full bg-white/10 px-2 py-1 text-xs font-medium text-white"
      data-testid="connection-status"
      data-online={online ? "true" : "false"}
      aria-live="polite"
    >
      <span aria-hidden className={`size-2 rounded-full ${online ? "bg-emerald-300" : "bg-amber-300"}`} />
      {online ? "Online" : "Offline"}
      {waiting > 0 ? <span>· {waiting} menunggu</span> : null}
    </span>
  );
}
