// What the bidder and officer pages share: the auction id, the role check, the connection badge, the countdown on
// server time (also in the tab title), the common view fields and the final ranking.
import { t } from "./i18n.js";
import {
  describeMaxStep, describeMinStep, describeSoftClose, formatDateTime, formatDuration, formatMoney, formatScore, formatTime, isPresent,
} from "./format.js";
import { $, el, setText, show } from "./page.js";
import { getSession, signInUrl } from "./session.js";

const TICK_MS = 250;

export function auctionIdFromUrl() {
  return new URLSearchParams(location.search).get("auction")?.trim() || null;
}

// Shows a blocking message (with optional links) in #page-message.
export function showPageMessage(text, links = []) {
  const box = $("#page-message");
  box.replaceChildren(el("p", {}, text), ...links.map(([href, label]) => el("p", {}, el("a", { href }, label))));
  box.hidden = false;
}

export function hidePageMessage() {
  show("#page-message", false);
}

// Returns the session when its role may use this page; otherwise explains and returns null.
export function requireRole(roles, { wrongRoleKey, otherPage, otherPageKey }) {
  const session = getSession();
  if (!session) {
    location.replace(signInUrl());
    return null;
  }
  if (!roles.includes(session.role)) {
    const links = [];
    const id = auctionIdFromUrl();
    if (otherPage && id) links.push([`${otherPage}?auction=${encodeURIComponent(id)}`, t(otherPageKey)]);
    showPageMessage(t(wrongRoleKey, { role: t(`role.${session.role}`) }), links);
    return null;
  }
  return session;
}

export function showSessionExpired() {
  showPageMessage(t("auction.sessionExpired"), [[signInUrl({ expired: true }), t("auction.signInAgain")]]);
}

// The connection badge; names the host when the page had to move to another host of the cluster.
export function renderConnection(state, host) {
  const badge = $("#connection");
  badge.className = `conn conn-${state}`;
  badge.dataset.state = state;
  badge.dataset.host = host ?? "";
  const moved = state === "connected" && host && host !== location.origin;
  setText("#connection-text", moved ? `${t(`conn.${state}`)} ${t("conn.via", { host: new URL(host).host })}` : t(`conn.${state}`));
}

export function renderStatus(view) {
  const status = $("#status");
  status.dataset.status = view?.status ?? "";
  status.className = `status status-${view?.status ?? "unknown"}`;
  setText(status, view ? t(`status.${view.status}`) : "");
  const notice = $("#phase-notice");
  const key = {
    scheduled: "auction.scheduledNotice", paused: "auction.pausedNotice",
    closed: "auction.closedNotice", cancelled: "auction.cancelledNotice",
  }[view?.status];
  notice.hidden = !key;
  if (key) {
    notice.textContent = t(key);
    notice.className = `notice notice-${view.status}`;
  }
}

// Title, procedure, times, extensions and the announced terms: the fields every view has.
export function renderCommon(view) {
  setText("#auction-title", view.title || view.auctionId);
  setText("#procedure", view.procedureId ? t("auction.procedure", { procedureId: view.procedureId }) : "");
  renderStatus(view);
  const endsAt = $("#ends-at");
  endsAt.dateTime = view.endsAt ?? "";
  setText(endsAt, formatDateTime(view.endsAt));
  const startsAt = $("#starts-at");
  if (startsAt) {
    startsAt.dateTime = view.startsAt ?? "";
    setText(startsAt, formatDateTime(view.startsAt));
  }
  setText("#extensions", String(view.extensions ?? 0));
  setText("#ceiling-price", formatMoney(view.ceilingPrice, view.currency));
  setText("#min-step", describeMinStep(view.minStep, view.currency));
  setText("#max-step", describeMaxStep(view.maxStepPercent));
  setText("#feedback", view.feedback ? t(`feedback.${view.feedback}`) : t("app.noValue"));
  show("#fact-tie-rule", Boolean(view.tieRule));
  if (view.tieRule) setText("#tie-rule", t(`tieRule.${view.tieRule}`));
  show("#fact-soft-close", "softClose" in view || "tieRule" in view);
  setText("#soft-close", describeSoftClose(view.softClose));
  setText("#bidder-count", isPresent(view.bidderCount) ? String(view.bidderCount) : t("app.noValue"));
}

export function renderRanking(view, { highlightSupplierId } = {}) {
  const ranking = Array.isArray(view?.ranking) ? view.ranking : null;
  show("#ranking-section", Boolean(ranking));
  if (!ranking) return;
  $("#ranking").tBodies[0].replaceChildren(...[...ranking]
    .sort((a, b) => a.rank - b.rank)
    .map((row) => el("tr", {
      dataset: { supplierId: row.supplierId },
      class: row.supplierId === highlightSupplierId ? "is-me" : null,
    },
    el("td", {}, String(row.rank)),
    el("th", { scope: "row" }, row.supplierId),
    el("td", { class: "num" }, formatMoney(row.amount, view.currency)),
    el("td", { class: "num" }, formatScore(row.score)))));
}

// Redraws the countdown (and tab title) several times a second from the server clock.
export function startCountdown(live) {
  const tick = () => renderCountdown(live.view, live.clock);
  tick();
  setInterval(tick, TICK_MS);
  return tick;
}

export function renderCountdown(view, clock) {
  const label = $("#countdown-label");
  const node = $("#countdown");
  if (!view) {
    setText(label, "");
    return;
  }
  const now = clock.now();
  let remaining = null;
  if (view.status === "open") remaining = Date.parse(view.endsAt) - now;
  else if (view.status === "scheduled") remaining = Date.parse(view.startsAt) - now;
  else if (view.status === "paused") remaining = Date.parse(view.endsAt) - Date.parse(view.serverTime);
  setText(label, t(`field.countdown.${view.status}`));

  let text;
  if (remaining === null || Number.isNaN(remaining)) text = formatDuration(0);
  else text = formatDuration(remaining);
  setText(node, text);
  node.dataset.remainingMs = remaining === null || Number.isNaN(remaining) ? "" : String(Math.max(0, Math.round(remaining)));
  const closing = view.status === "open" && remaining !== null && remaining <= 0;
  node.classList.toggle("urgent", view.status === "open" && remaining !== null && remaining < 60000);
  node.classList.toggle("soon", view.status === "open" && remaining !== null && remaining >= 60000 && remaining < 300000);
  const closingNote = $("#countdown-closing");
  if (closingNote) setText(closingNote, closing ? t("auction.closing") : "");

  const title = view.title || view.auctionId;
  document.title = view.status === "open" || view.status === "scheduled"
    ? t("title.countdown", { time: text, title })
    : t("title.status", { status: t(`status.${view.status}`), title });

  const serverTime = $("#server-time");
  if (serverTime) setText(serverTime, formatTime(now));
}
