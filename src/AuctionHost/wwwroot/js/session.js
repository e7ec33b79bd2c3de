// The signed-in user's bearer token (sessionStorage: one tab, gone with it) and the REST calls that use it.
import { hostUrl } from "./hosts.js";
import { t } from "./i18n.js";

const STORAGE_KEY = "compranet.session";
// Treat a token as expired a little early so a call never leaves with one that dies in flight.
const EXPIRY_MARGIN_MS = 5000;

export class ApiError extends Error {
  constructor(status, code, detail) {
    super(detail || code || `HTTP ${status}`);
    this.status = status;
    this.code = code;
    this.detail = detail;
  }
}

export function getSession() {
  let session;
  try {
    session = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? "null");
  } catch {
    session = null;
  }
  if (!session?.accessToken) return null;
  const expires = Date.parse(session.expiresAt);
  if (!Number.isNaN(expires) && expires - EXPIRY_MARGIN_MS <= Date.now()) {
    clearSession();
    return null;
  }
  return session;
}

export function clearSession() {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored.
  }
}

export async function signIn(username, password) {
  const session = await apiFetch("api/auth/token", { method: "POST", body: { username, password }, anonymous: true });
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify({
    accessToken: session.accessToken,
    expiresAt: session.expiresAt,
    subject: session.subject,
    role: session.role,
  }));
  return getSession();
}

// Sends JSON with the bearer token; returns the parsed body, or throws ApiError with the problem's code and detail.
export async function apiFetch(path, { method = "GET", body, anonymous = false } = {}) {
  const headers = { Accept: "application/json, application/problem+json" };
  const session = anonymous ? null : getSession();
  if (session) headers.Authorization = `Bearer ${session.accessToken}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(hostUrl(path), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, "network", t("error.network"));
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
  }
  if (!response.ok) {
    if (response.status === 401 && session) clearSession();
    throw new ApiError(response.status, data?.code, data?.detail ?? data?.title);
  }
  return data;
}

export function describeError(error) {
  if (error instanceof ApiError) {
    if (error.status === 0) return t("error.network");
    if (error.status === 401) return t("error.unauthorized");
    if (error.status === 403) return t("error.forbidden");
    if (error.status === 404) return error.detail || t("error.notFound");
    return error.detail || t("error.http", { status: error.status });
  }
  return error?.message ?? String(error);
}

// The sign-in page, coming back here afterwards.
export function signInUrl({ expired = false } = {}) {
  const params = new URLSearchParams({ next: location.pathname + location.search });
  if (expired) params.set("expired", "1");
  return `index.html?${params}`;
}

export function isSafeNext(next) {
  if (!next) return false;
  try {
    const url = new URL(next, location.href);
    return url.origin === location.origin;
  } catch {
    return false;
  }
}
