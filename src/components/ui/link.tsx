import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * The app's link: next/link without prefetching (docs/decisions/018). Every page here is rendered
 * per user on request, and for such pages Next's automatic prefetch of a link in view fetches only
 * the route's layout shell (0.3–1.4 kB): the tap still waits for the page. Yet each prefetch is a
 * server render with the session check, and on the ASN home it cost the phone ~230 ms of main
 * thread (4× slowed CPU). A tap still navigates on the client, without a full page load.
 */
export function Link(props: Omit<ComponentProps<typeof NextLink>, "prefetch">) {
  return <NextLink {...props} prefetch={false} />;
}
