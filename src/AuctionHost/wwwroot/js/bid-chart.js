// Bids over time, one stepped series per supplier, drawn with uPlot (lib/uplot/uPlot.iife.min.js).
import { t } from "./i18n.js";
import { formatMoney, formatNumber, formatTime } from "./format.js";

const HEIGHT = 300;
const TIME_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 43200, 86400];
const MAX_POINTS = 5000;
// Okabe–Ito, distinguishable with the common colour-vision deficiencies.
const COLORS = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#f0e442", "#7f3c8d", "#3969ac"];

export class BidChart {
  #plot = null;
  #suppliers = [];
  #bids = new Map();
  #currency = null;

  constructor(container, message) {
    this.container = container;
    this.message = message;
    if (globalThis.ResizeObserver) {
      new ResizeObserver(() => this.#plot?.setSize({ width: this.#width(), height: HEIGHT })).observe(container);
    }
  }

  update(bids, currency) {
    this.#bids = bids;
    this.#currency = currency;
    const suppliers = [...new Set([...bids.values()].sort((a, b) => a.sequence - b.sequence).map((b) => b.supplierId))];
    const sameSeries = suppliers.length === this.#suppliers.length && suppliers.every((s, i) => s === this.#suppliers[i]);
    if (this.#plot && sameSeries) {
      this.#plot.setData(this.#data());
      return;
    }
    this.#suppliers = suppliers;
    this.render(currency);
  }

  // Rebuilds the chart (series, axes and legend in the current language).
  render(currency = this.#currency) {
    this.#currency = currency;
    this.#plot?.destroy();
    this.#plot = null;
    const uPlot = globalThis.uPlot;
    if (!uPlot) {
      this.#say(t("officer.chartUnavailable"));
      return;
    }
    if (this.#bids.size === 0) {
      this.#say(t("officer.chartEmpty"));
      return;
    }
    this.#say("");
    const money = (value) => (value === null || value === undefined ? t("app.noValue") : formatMoney(value, this.#currency));
    const stepped = uPlot.paths.stepped ? uPlot.paths.stepped({ align: 1 }) : undefined;
    const options = {
      width: this.#width(),
      height: HEIGHT,
      scales: {
        // A lone bid or equal amounts would collapse the axes; pad them instead, and never stretch y down to 0.
        x: { time: true, range: (u, min, max) => (min === max ? [min - 30, max + 30] : [min, max]) },
        y: {
          range: (u, min, max) => {
            const pad = Math.max((max - min) * 0.1, Math.abs(max) * 0.002, 1);
            return [min - pad, max + pad];
          },
        },
      },
      cursor: { drag: { x: true, y: false } },
      series: [
        { label: t("col.at"), value: (u, value) => (value === null ? t("app.noValue") : formatTime(value * 1000)) },
        ...this.#suppliers.map((supplierId, index) => ({
          label: supplierId,
          stroke: COLORS[index % COLORS.length],
          width: 2,
          spanGaps: true,
          paths: stepped,
          points: { show: true, size: 7, fill: COLORS[index % COLORS.length] },
          value: (u, value) => money(value),
        })),
      ],
      axes: [
        // Whole seconds at least, labelled hh:mm:ss in the page's language.
        { space: 70, incrs: TIME_STEPS, values: (u, splits) => splits.map((s) => formatTime(s * 1000)) },
        { size: 96, values: (u, splits) => splits.map((v) => formatNumber(v, 0)) },
      ],
    };
    this.#plot = new uPlot(options, this.#data(), this.container);
  }

  #data() {
    const points = [...this.#bids.values()].sort((a, b) => a.sequence - b.sequence).slice(-MAX_POINTS);
    const xs = [...new Set(points.map((p) => Date.parse(p.at) / 1000))].sort((a, b) => a - b);
    const column = new Map(xs.map((x, i) => [x, i]));
    const row = new Map(this.#suppliers.map((s, i) => [s, i]));
    const series = this.#suppliers.map(() => new Array(xs.length).fill(null));
    for (const p of points) {
      const r = row.get(p.supplierId);
      if (r !== undefined) series[r][column.get(Date.parse(p.at) / 1000)] = p.amount;
    }
    return [xs, ...series];
  }

  #width() {
    return Math.max(280, Math.floor(this.container.clientWidth || 600));
  }

  #say(text) {
    this.message.textContent = text;
    this.message.hidden = !text;
  }
}
