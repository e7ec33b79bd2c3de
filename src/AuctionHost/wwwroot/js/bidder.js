// The supplier's bidding page: its own standing (as much as the auction's feedback mode shows), the bid form with
// the fat-finger confirmation, and bids that survive a dropped connection (re-sent with the same bidId).
import { t } from "./i18n.js";
import { describeMinStep, formatCoefficient, formatMoney, formatNumber, formatScore, isPresent, parseAmount } from "./format.js";
import { $, el, initPage, setText, show } from "./page.js";
import { AuctionLive, hubErrorText } from "./live.js";
import {
  auctionIdFromUrl, hidePageMessage, renderCommon, renderConnection, renderCountdown, renderRanking, requireRole,
  showPageMessage, showSessionExpired, startCountdown,
} from "./auction-page.js";

const auctionId = auctionIdFromUrl();
let live = null;
let session = null;
// The bid being sent or waiting for the connection to come back: { amount, text, bidId, confirm }.
let pending = null;
let inFlight = false;
// What #bid-result says, kept as a function so it can be re-rendered in the other language.
let result = null;

initPage({ titleKey: "bidder.title", render: renderAll });
main();

function main() {
  if (!auctionId) {
    showPageMessage(t("auction.missingId"));
    return;
  }
  session = requireRole(["supplier"], { wrongRoleKey: "auction.bidderOnly", otherPage: "officer.html", otherPageKey: "auction.goMonitor" });
  if (!session) return;

  $("#bid-form").addEventListener("submit", onSubmit);
  $("#amount").addEventListener("input", renderPreview);
  $("#retry-bid").addEventListener("click", () => pending && send(pending));
  $("#cancel-pending").addEventListener("click", cancelPending);

  live = new AuctionLive(auctionId, {
    onView: renderView,
    onState: (state) => {
      renderConnection(state, live?.host);
      renderForm();
    },
    onJoined: () => {
      hidePageMessage();
      // A bid cut off by a disconnect goes again, with the same bidId, as soon as we are back in the auction.
      if (pending && !inFlight && result?.kind === "pending") send(pending);
    },
    onJoinError: (error) => showPageMessage(t("auction.joinFailed", { detail: hubErrorText(error) })),
    onSessionExpired: showSessionExpired,
  });
  renderConnection(live.state, live.host);
  startCountdown(live);
  live.start();
  renderAll();
}

function renderAll() {
  if (live?.view) renderView(live.view);
  if (live) renderConnection(live.state, live.host);
  renderPreview();
  renderResult();
  renderForm();
}

function renderView(view) {
  renderCommon(view);
  const currency = view.currency;
  setText("#amount-label", t("bid.amount", { currency: currency ?? "" }));

  setText("#my-best", isPresent(view.myBest) ? formatMoney(view.myBest, currency) : t("bidder.noBid"));
  showStat("#stat-my-rank", isPresent(view.myRank));
  if (isPresent(view.myRank)) {
    setText("#my-rank", String(view.myRank));
    setText("#my-rank-of", isPresent(view.bidderCount) ? t("bidder.rankOf", { count: view.bidderCount }) : "");
  }
  showStat("#stat-leading", isPresent(view.leading));
  if (isPresent(view.leading)) {
    const leading = $("#leading");
    leading.dataset.leading = view.leading;
    leading.className = `leading leading-${view.leading}`;
    setText(leading, t(`bidder.leading.${view.leading}`));
  }
  showStat("#stat-best-price", isPresent(view.bestPrice));
  if (isPresent(view.bestPrice)) setText("#best-price", formatMoney(view.bestPrice, currency));
  showStat("#stat-my-label", isPresent(view.myLabel));
  if (isPresent(view.myLabel)) setText("#my-label", view.myLabel);
  showStat("#stat-my-score", isPresent(view.myScore));
  if (isPresent(view.myScore)) setText("#my-score", formatScore(view.myScore));
  showStat("#stat-my-coefficient", isPresent(view.myCoefficient));
  if (isPresent(view.myCoefficient)) setText("#my-coefficient", formatCoefficient(view.myCoefficient));

  show("#not-invited", view.audience === "public");
  renderLadder(view);
  renderRanking(view, { highlightSupplierId: session?.subject });
  renderCountdown(view, live.clock);
  renderPreview();
  renderForm();
}

function showStat(selector, visible) {
  show(selector, visible);
}

function renderLadder(view) {
  const ladder = Array.isArray(view.ladder) ? view.ladder : null;
  show("#ladder-section", Boolean(ladder) && !Array.isArray(view.ranking));
  if (!ladder) return;
  $("#supplier-ladder").tBodies[0].replaceChildren(...ladder.map((row, index) => {
    const mine = isPresent(view.myLabel) && row.label === view.myLabel;
    return el("tr", { class: mine ? "is-me" : null, dataset: { label: row.label } },
      el("td", {}, String(row.rank ?? index + 1)),
      el("th", { scope: "row" }, row.label, mine ? ` ${t("bidder.you")}` : ""),
      el("td", { class: "num" }, formatMoney(row.amount, view.currency)),
      el("td", { class: "num" }, formatScore(row.score)));
  }));
}

function biddingOver() {
  const status = live?.view?.status;
  return status === "closed" || status === "cancelled";
}

function renderForm() {
  const over = biddingOver();
  const button = $("#place-bid");
  button.disabled = over || inFlight || Boolean(pending);
  $("#amount").disabled = over;
  show("#bid-closed", over);
  const retry = $("#retry-bid");
  retry.hidden = !(pending && !inFlight && result?.kind === "unavailable");
  retry.disabled = !live?.connected;
  show("#cancel-pending", Boolean(pending) && !inFlight);
  if (over && pending) {
    pending = null;
    show("#cancel-pending", false);
    retry.hidden = true;
  }
}

function renderPreview() {
  const text = $("#amount").value;
  const parsed = parseAmount(text);
  const currency = live?.view?.currency;
  setText("#amount-preview", text.trim() && parsed ? t("bid.preview", { amount: formatMoney(parsed.value, currency) }) : "");
}

function setResult(kind, message, { status = "", code = "" } = {}) {
  result = { kind, message, status, code };
  renderResult();
}

function renderResult() {
  const box = $("#bid-result");
  box.dataset.status = result?.status ?? "";
  box.dataset.code = result?.code ?? "";
  box.className = `bid-result${result ? ` bid-result-${result.kind}` : ""}`;
  setText(box, result ? result.message() : "");
}

function onSubmit(event) {
  event.preventDefault();
  if (inFlight || pending || biddingOver()) return;
  const parsed = parseAmount($("#amount").value);
  if (!parsed) {
    setResult("error", () => t("bid.invalidAmount"), { status: "invalid-input" });
    $("#amount").focus();
    return;
  }
  send({ amount: parsed.value, text: parsed.text, bidId: crypto.randomUUID(), confirm: false });
}

async function send(bid) {
  pending = bid;
  inFlight = true;
  const amount = () => formatMoney(bid.amount, live.view?.currency);
  setResult("sending", () => t("bid.sending", { amount: amount() }), { status: "sending" });
  renderForm();
  try {
    const outcome = await live.invoke("PlaceBid", auctionId, bid.amount, bid.bidId, bid.confirm);
    inFlight = false;
    pending = null;
    await handleOutcome(bid, outcome);
  } catch (error) {
    inFlight = false;
    if (!live.connected && !biddingOver()) {
      // The call was cut off: the server may or may not have the bid. Re-sending the same bidId after reconnecting
      // returns the original result if it does, and places the bid once if it does not.
      setResult("pending", () => t("bid.pending", { amount: amount() }), { status: "pending" });
    } else {
      pending = null;
      setResult("error", () => t("bid.error", { detail: hubErrorText(error) }), { status: "error" });
    }
  }
  renderForm();
}

async function handleOutcome(bid, outcome) {
  if (outcome?.view) live.applyView(outcome.view);
  const currency = live.view?.currency;
  const amount = () => formatMoney(outcome?.amount ?? bid.amount, currency);
  if (outcome?.status === "accepted") {
    setResult("accepted",
      () => (isPresent(outcome.rank) ? t("bid.acceptedRank", { amount: amount(), rank: outcome.rank }) : t("bid.accepted", { amount: amount() })),
      { status: "accepted" });
    $("#amount").value = "";
    renderPreview();
    return;
  }
  const code = outcome?.code ?? "unknown";
  if (code === "step-too-large" && !bid.confirm) {
    result = null;
    renderResult();
    if (await confirmLargeStep(bid)) {
      await send({ ...bid, confirm: true });
    } else {
      setResult("refused", () => t("refusal.step-too-large"), { status: "refused", code });
      $("#amount").focus();
    }
    return;
  }
  if (code === "unavailable") {
    pending = bid; // "Retry" sends the same bidId, so a bid that did get stored is not placed twice.
    setResult("unavailable", () => t("refusal.unavailable"), { status: "refused", code });
    return;
  }
  setResult("refused", () => refusalText(code, outcome?.message), { status: "refused", code });
}

function refusalText(code, message) {
  const view = live.view ?? {};
  const key = `refusal.${code}`;
  const params = {
    ceiling: formatMoney(view.ceilingPrice, view.currency),
    step: describeMinStep(view.minStep, view.currency),
    code,
    message: message ?? "",
  };
  const text = t(key, params);
  return text === key ? t("refusal.unknown", params) : text;
}

function confirmLargeStep(bid) {
  const dialog = $("#confirm-dialog");
  const view = live.view ?? {};
  const amount = formatMoney(bid.amount, view.currency);
  setText("#confirm-body", isPresent(view.maxStepPercent)
    ? t("confirm.body", { amount, percent: formatNumber(view.maxStepPercent, 4) })
    : t("confirm.bodyNoPercent", { amount }));
  setText("#confirm-amount", amount);
  return new Promise((resolve) => {
    dialog.returnValue = "";
    dialog.addEventListener("close", () => resolve(dialog.returnValue === "yes"), { once: true });
    dialog.showModal();
  });
}

function cancelPending() {
  if (!pending || inFlight) return;
  const bid = pending;
  pending = null;
  setResult("info", () => t("bid.pendingCancelled", { amount: formatMoney(bid.amount, live.view?.currency) }), { status: "cancelled" });
  renderForm();
}
