// Sign-in and the list of auctions, with each auction linked to the page that fits the user's role.
import { t } from "./i18n.js";
import { formatDateTime } from "./format.js";
import { $, el, initPage, renderUser, setText, show } from "./page.js";
import { apiFetch, describeError, getSession, isSafeNext, signIn } from "./session.js";

const REFRESH_MS = 30000;
const params = new URLSearchParams(location.search);
let auctions = null;
let listError = null;
let loginError = null;

const STATUS_ORDER = { open: 0, paused: 1, scheduled: 2, closed: 3, cancelled: 4 };
const PAGE_FOR_ROLE = {
  supplier: { href: "bidder.html", key: "auctions.bid", labelKey: "auctions.bidLabel" },
  officer: { href: "officer.html", key: "auctions.monitor", labelKey: "auctions.monitorLabel" },
  auditor: { href: "officer.html", key: "auctions.monitor", labelKey: "auctions.monitorLabel" },
  coordinator: { href: "officer.html", key: "auctions.monitor", labelKey: "auctions.monitorLabel" },
};

initPage({ titleKey: "index.title", render });
$("#login-form").addEventListener("submit", onLogin);
$("#auctions-refresh").addEventListener("click", loadAuctions);
render();
loadAuctions();
setInterval(() => {
  if (document.visibilityState === "visible") loadAuctions();
}, REFRESH_MS);

function render() {
  const session = getSession();
  show("#login-section", !session);
  const notice = $("#login-notice");
  notice.hidden = !(params.get("expired") && !session);
  if (!notice.hidden) notice.textContent = t("login.expired");
  show("#signed-in-as", Boolean(session));
  if (session) setText("#signed-in-as", t("login.signedIn", { subject: session.subject, role: t(`role.${session.role}`) }));
  show("#login-error", Boolean(loginError));
  if (loginError) setText("#login-error", loginError());
  renderAuctions(session);
}

async function onLogin(event) {
  event.preventDefault();
  const username = $("#username").value.trim();
  const password = $("#password").value;
  const button = $("#login");
  if (!username || !password) {
    loginError = () => t("login.failed");
    render();
    return;
  }
  button.disabled = true;
  button.textContent = t("login.busy");
  try {
    await signIn(username, password);
    loginError = null;
    const next = params.get("next");
    if (isSafeNext(next)) {
      location.href = next;
      return;
    }
    $("#password").value = "";
    renderUser();
    render();
    await loadAuctions();
    $("#auctions-heading").focus?.();
  } catch (error) {
    loginError = error?.status === 401 ? () => t("login.failed") : () => t("login.error", { detail: describeError(error) });
    render();
    $("#password").select();
  } finally {
    button.disabled = false;
    button.textContent = t("login.submit");
  }
}

async function loadAuctions() {
  if (!auctions) setText("#auctions-message", t("auctions.loading"));
  try {
    const list = await apiFetch("api/auctions");
    auctions = Array.isArray(list) ? list : [];
    listError = null;
  } catch (error) {
    listError = error;
    if (error?.status === 401) auctions = null;
  }
  renderUser();
  render();
}

function renderAuctions(session) {
  const table = $("#auctions");
  const body = table.tBodies[0];
  let message = "";
  if (listError?.status === 401 || (listError?.status === 403 && !session)) message = t("auctions.signIn");
  else if (listError) message = t("auctions.error", { detail: describeError(listError) });
  else if (!auctions) message = t("auctions.loading");
  else if (auctions.length === 0) message = t("auctions.empty");
  setText("#auctions-message", message);
  show("#auctions-message", Boolean(message));
  table.hidden = !auctions || auctions.length === 0;
  if (!auctions) return;

  const target = session ? PAGE_FOR_ROLE[session.role] : null;
  const sorted = [...auctions].sort((a, b) =>
    (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9) || String(a.startsAt).localeCompare(String(b.startsAt)));
  body.replaceChildren(...sorted.map((auction) => {
    const id = encodeURIComponent(auction.auctionId);
    const title = auction.title || auction.auctionId;
    const action = target
      ? el("a", { class: "button-link", href: `${target.href}?auction=${id}`, "aria-label": t(target.labelKey, { title }) }, t(target.key))
      : t("app.noValue");
    return el("tr", { dataset: { auctionId: auction.auctionId } },
      el("th", { scope: "row" }, title),
      el("td", {}, auction.procedureId ?? t("app.noValue")),
      el("td", {}, el("span", { class: `status status-${auction.status}` }, t(`status.${auction.status}`))),
      el("td", {}, el("time", { datetime: auction.startsAt }, formatDateTime(auction.startsAt))),
      el("td", {}, el("time", { datetime: auction.endsAt }, formatDateTime(auction.endsAt))),
      el("td", {}, auction.currency ?? ""),
      el("td", {}, action));
  }));
}
