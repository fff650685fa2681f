/**
 * Pages of the resident app that need no sign-in: the sign-in page itself, the riders' station map
 * (a delivery rider is not a registered resident) and the public pages under /m/public (projects' progress). On these the app asks /api/me only when a page
 * wants to know, and a 401 does not send the visitor to the sign-in page.
 */
export const PUBLIC_PATHS = ['/m/sign-in', '/m/stations/public', '/m/public'] as const;

export const isPublicPath = (pathname: string) =>
  PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`) || pathname.startsWith(`${p}?`));
