"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import {
  configureOffline,
  forgetWarmUp,
  SW_SCOPE,
  SW_URL,
  syncNow,
  warmUpPages,
  whenPageIdle,
} from "./offline-client";
import type { SendResult } from "./sync-queue";

type Submit = (
  formData: FormData,
) => Promise<
  | { status: "idle" }
  | { status: "success"; message?: string; data?: { followUpsRaised: number } }
  | { status: "error"; message: string; fieldErrors?: Record<string, string[]> }
>;

/**
 * Mounted once on the ASN pages: registers the service worker (once the page is idle), sends
 * queued reports on load and whenever the connection returns, and re-caches each page the ASN
 * opens.
 * `submit` is submitVisitAction, passed in by the layout (features do not import each other).
 */
export function OfflineSync({ userId, submit }: { userId: string; submit: Submit }) {
  // Typed nullable because src/pages exists (one API route); under the App Router it is a path.
  const pathname = usePathname() ?? "";

  useEffect(() => {
    const stop = configureOffline(userId, async (item): Promise<SendResult> => {
      const body = new FormData();
      body.set("payload", item.payload);
      if (item.photo) body.set("photo", item.photo, "foto.jpg");
      const result = await submit(body);
      if (result.status === "success")
        return { status: "success", message: result.message, followUpsRaised: result.data?.followUpsRaised };
      if (result.status === "error")
        return { status: "error", message: result.message, fieldErrors: result.fieldErrors };
      throw new Error("no answer"); // not a real answer: try again later
    });
    // A different account on this phone: the previous one's cached pages must not be shown.
    const owner = window.localStorage.getItem("asn-berbagi:offline-user");
    if (owner !== userId) {
      window.localStorage.setItem("asn-berbagi:offline-user", userId);
      forgetWarmUp();
      if (owner && "caches" in window)
        void caches.keys().then((names) => Promise.all(names.map((n) => caches.delete(n))));
    }
    const cancelRegistration = whenPageIdle(() => {
      if ("serviceWorker" in navigator)
        navigator.serviceWorker.register(SW_URL, { scope: SW_SCOPE }).catch(() => {
          // No service worker (unsupported or blocked): the app still works online.
        });
    });
    void syncNow();
    const timer = window.setInterval(() => {
      if (navigator.onLine) void syncNow();
    }, 60_000);
    return () => {
      stop();
      cancelRegistration();
      window.clearInterval(timer);
    };
  }, [userId, submit]);

  // Client-side navigations fetch RSC payloads, not HTML: cache the page's HTML for offline use.
  // (The first page of a visit was a full load, which the worker cached already.)
  const firstPath = useRef(pathname);
  useEffect(() => {
    if (!pathname || pathname === firstPath.current) return;
    firstPath.current = "";
    void warmUpPages([pathname]);
  }, [pathname]);

  return null;
}
