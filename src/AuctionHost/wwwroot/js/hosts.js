// The cluster's hosts, as GET /api/hosts lists them. A page keeps talking to the host it was loaded from; when that
// host is gone (its connection cannot be re-established) it moves to the first other host that answers /health.
// The hosts accept each other's origins for cross-origin calls; the token travels in a header, never in a cookie.

const HEALTH_TIMEOUT_MS = 1500;

let current = location.origin;
let known = [location.origin];

// The host the page talks to now (an origin, no trailing slash).
export function currentHost() {
  return current;
}

// Whether there is somewhere else to go: then a lost connection is given up quickly to try the others.
export function hasOtherHosts() {
  return known.some((host) => host !== current);
}

// The URL of an API path ("api/…", "hubs/…") on the current host.
export function hostUrl(path) {
  return current === location.origin ? path : `${current}/${path.replace(/^\//, "")}`;
}

// Re-reads the list from the current host; keeps the last one when it cannot.
export async function refreshHosts() {
  try {
    const response = await fetch(`${current}/api/hosts`, { headers: { Accept: "application/json" }, signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS * 2) });
    if (!response.ok) return known;
    const body = await response.json();
    const listed = Array.isArray(body?.hosts) ? body.hosts.filter((h) => typeof h === "string" && /^https?:\/\//.test(h)) : [];
    known = [...new Set([current, location.origin, ...listed])];
  } catch {
    // Keep what we had: this is how we find another host when this one dies.
  }
  return known;
}

// The current host if it answers, else the page's own origin, else the first other host that does. Returns it.
export async function pickHost() {
  const candidates = [...new Set([current, location.origin, ...known])];
  for (const candidate of candidates) {
    if (await healthy(candidate)) {
      current = candidate;
      return current;
    }
  }
  return current;
}

async function healthy(host) {
  try {
    const response = await fetch(`${host}/health`, { cache: "no-store", signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
    return response.ok;
  } catch {
    return false;
  }
}
