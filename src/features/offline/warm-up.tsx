"use client";

import { useEffect } from "react";
import { rememberWarmUp, WARM_UP_STAMP, warmUpPages, whenPageIdle } from "./offline-client";

/**
 * On the ASN home, while online: caches the home, and each of THIS ASN's families (page and
 * report form) for offline reading. The list comes from the server's scoped query, so it holds
 * only the signed-in ASN's families.
 */
export function WarmUp({ familyIds }: { familyIds: string[] }) {
  const key = familyIds.join(",");
  useEffect(() => {
    const ids = key ? key.split(",") : [];
    const urls = ["/asn", ...ids.flatMap((id) => [`/asn/keluarga/${id}`, `/asn/keluarga/${id}/lapor`])];
    rememberWarmUp(urls);
    // Each warm-up renders 1 + 2 × families pages on the server: not more than every 15 minutes
    // for the same list (a sent report refreshes them anyway, see offline-client afterSync).
    const stamp = window.localStorage.getItem(WARM_UP_STAMP);
    const [lastKey, lastAt] = stamp ? [stamp.slice(14), Number(stamp.slice(0, 13))] : ["", 0];
    if (lastKey === key && Date.now() - lastAt < 15 * 60_000) return;
    let tries = 0;
    let timer = 0;
    // The worker may still be installing on the first visit: try again until it is active.
    const attempt = async () => {
      const sent = await warmUpPages(urls, true);
      if (sent) window.localStorage.setItem(WARM_UP_STAMP, `${Date.now()}:${key}`);
      else if (navigator.onLine && tries++ < 20) timer = window.setTimeout(attempt, 500);
    };
    const cancelStart = whenPageIdle(() => void attempt());
    return () => {
      cancelStart();
      window.clearTimeout(timer);
    };
  }, [key]);
  return null;
}
