// The officer's and auditor's monitor: the ladder with identities, an event log of what happens (bids, extensions,
// phase changes, the close), a chart of bids over time and the hash-chained transcript.
import { has, t } from "./i18n.js";
import { formatCoefficient, formatMoney, formatScore, formatTime, isPresent } from "./format.js";
import { $, el, initPage, setText, show } from "./page.js";
import { AuctionLive, hubErrorText } from "./live.js";
import {
  auctionIdFromUrl, hidePageMessage, renderCommon, renderConnection, renderCountdown, renderRanking, requireRole,
  showPageMessage, showSessionExpired, startCountdown,
} from "./auction-page.js";
import { BidChart } from "./bid-chart.js";
import { loadTranscript } from "./transcript.js";

const MAX_LOG = 500;
const auctionId = auctionIdFromUrl();
let live = null;
// Every accepted bid seen in any view's latestBids, by sequence: views carry only the last 50.
const bids = new Map();
// What the chart plots: those bids plus the ladder's points (initial offers included), by sequence.
const points = new Map();
const log = [];
let lastLadderSequences = new Map();
let chart = null;

initPage({ titleKey: "officer.title", render: renderAll });
main();

function main() {
  if (!auctionId) {
    showPageMessage(t("auction.missingId"));
    return;
  }
  const session = requireRole(["officer", "auditor", "coordinator"], {
    wrongRoleKey: "auction.officerOnly", otherPage: "bidder.html", otherPageKey: "auction.goBidder",
  });
  if (!session) return;

  chart = new BidChart($("#chart"), $("#chart-message"));
  $("#transcript-show").addEventListener("click", () => loadTranscript(auctionId));

  let wasDisconnected = false;
  live = new AuctionLive(auctionId, {
    onView,
    onState: (state) => {
      renderConnection(state, live?.host);
      if ((state === "reconnecting" || state === "disconnected") && !wasDisconnected && live.view) {
        wasDisconnected = true;
        addLog(live.clock.now(), () => t("log.connectionLost"), "connection");
      }
    },
    onJoined: (view, rejoin) => {
      hidePageMessage();
      if (rejoin && wasDisconnected) addLog(live.clock.now(), () => t("log.connectionBack"), "connection");
      wasDisconnected = false;
    },
    onJoinError: (error) => showPageMessage(t("auction.joinFailed", { detail: hubErrorText(error) })),
    onSessionExpired: showSessionExpired,
  });
  renderConnection(live.state, live.host);
  startCountdown(live);
  live.start();
}

function renderAll() {
  if (live?.view) renderView(live.view);
  if (live) renderConnection(live.state, live.host);
  renderLog();
  chart?.render(live?.view?.currency);
}

function onView(view, previous) {
  const serverNow = Date.parse(view.serverTime);
  const newBids = mergeBids(view.latestBids);
  if (!previous) {
    addLog(serverNow, () => t("log.joined", { status: t(`status.${view.status}`).toLowerCase(), time: formatTime(view.endsAt) }), "status");
  } else {
    for (const bid of newBids) {
      addLog(Date.parse(bid.at), () => t("log.bid", { supplier: bid.supplierId, amount: formatMoney(bid.amount, view.currency) }), "bid");
    }
    if ((view.extensions ?? 0) > (previous.extensions ?? 0)) {
      const endsAt = view.endsAt;
      addLog(serverNow, () => t("log.extended", { time: formatTime(endsAt) }), "extension");
    } else if (view.endsAt !== previous.endsAt && view.status !== "closed" && view.status !== "cancelled") {
      const endsAt = view.endsAt;
      addLog(serverNow, () => t("log.endsAtMoved", { time: formatTime(endsAt) }), "extension");
    }
    if (view.status !== previous.status) {
      const key = view.status === "open" && previous.status === "paused" ? "log.status.resumed" : `log.status.${view.status}`;
      addLog(serverNow, () => t(key), "status");
    }
  }
  const newOffers = mergeLadderPoints(view.ladder);
  renderView(view);
  if (newBids.length > 0 || newOffers || !previous) chart.update(points, view.currency);
}

// The chart also plots what the ladder shows (initial offers, and bids older than the latest 50), by sequence.
function mergeLadderPoints(ladder) {
  let added = false;
  for (const row of Array.isArray(ladder) ? ladder : []) {
    if (!isPresent(row?.sequence) || !row.at || points.has(row.sequence)) continue;
    points.set(row.sequence, { sequence: row.sequence, supplierId: row.supplierId, amount: row.amount, score: row.score, at: row.at });
    added = true;
  }
  return added;
}

// Adds the view's latest bids to the ones already known; returns the new ones in sequence order.
function mergeBids(latestBids) {
  const added = [];
  for (const bid of Array.isArray(latestBids) ? latestBids : []) {
    if (!isPresent(bid?.sequence) || bids.has(bid.sequence)) continue;
    bids.set(bid.sequence, bid);
    points.set(bid.sequence, bid);
    added.push(bid);
  }
  return added.sort((a, b) => a.sequence - b.sequence);
}

function renderView(view) {
  renderCommon(view);
  setText("#bid-count", String(view.bidCount ?? bids.size));
  renderRefusals(view.refusalCounts);
  renderLadder(view);
  renderRanking(view);
  renderCountdown(view, live.clock);
}

function renderLadder(view) {
  const ladder = Array.isArray(view.ladder) ? view.ladder.map((row, i) => ({ ...row, rank: row.rank ?? i + 1 })) : [];
  show("#ladder-empty", ladder.length === 0);
  const seen = new Map();
  $("#ladder").tBodies[0].replaceChildren(...ladder.map((row) => {
    seen.set(row.supplierId, row.sequence);
    const changed = lastLadderSequences.size > 0 && lastLadderSequences.get(row.supplierId) !== row.sequence;
    return el("tr", { dataset: { supplierId: row.supplierId, rank: row.rank }, class: changed ? "changed" : null },
      el("td", {}, String(row.rank)),
      el("th", { scope: "row" }, row.supplierId, row.label ? el("span", { class: "muted label" }, ` ${row.label}`) : null),
      el("td", { class: "num amount" }, formatMoney(row.amount, view.currency)),
      el("td", { class: "num opt" }, formatScore(row.score)),
      el("td", { class: "num opt" }, formatCoefficient(row.coefficient)),
      el("td", { class: "opt" }, row.at ? el("time", { datetime: row.at }, formatTime(row.at)) : t("app.noValue")),
      el("td", { class: "num opt" }, isPresent(row.sequence) ? String(row.sequence) : t("officer.initialOffer")));
  }));
  lastLadderSequences = seen;
}

function renderRefusals(counts) {
  const entries = counts && typeof counts === "object" ? Object.entries(counts).filter(([, n]) => n > 0) : null;
  show("#fact-refusals", Boolean(counts));
  if (!entries) return;
  $("#refusal-counts").replaceChildren(...(entries.length === 0
    ? [el("li", {}, t("officer.noRefusals"))]
    : entries.sort((a, b) => b[1] - a[1]).map(([code, n]) => {
      const key = `refusalShort.${code}`;
      return el("li", { dataset: { code } }, `${has(key) ? t(key) : code}: ${n}`);
    })));
}

function addLog(at, text, kind) {
  log.push({ at: Number.isNaN(at) ? live.clock.now() : at, text, kind, order: log.length });
  log.sort((a, b) => a.at - b.at || a.order - b.order);
  if (log.length > MAX_LOG) log.splice(0, log.length - MAX_LOG);
  renderLog();
}

function renderLog() {
  const list = $("#event-log");
  if (!list) return;
  list.replaceChildren(...[...log].reverse().map((entry) =>
    el("li", { class: `log-${entry.kind}`, dataset: { kind: entry.kind } },
      el("time", { datetime: new Date(entry.at).toISOString() }, formatTime(entry.at)), " ", entry.text())));
}
