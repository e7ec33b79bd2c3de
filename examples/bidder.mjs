// A scripted bidder on the JavaScript SignalR client: signs in, joins an auction, prints every update it may see,
// places one bid and waits for its result. The client library comes from the host's npm install (run the host or
// `dotnet build src/AuctionHost` once), or from your own `npm install @microsoft/signalr`.
//
//   node examples/bidder.mjs --url http://localhost:5000 --user supplier1 --password demo --auction DEMO-... --amount 900000
//   (add --confirm to pass the fat-finger guard, --watch to keep listening after the bid)
import { createRequire } from "node:module";
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";

const require = createRequire(new URL("../src/AuctionHost/package.json", import.meta.url));
const signalR = require("@microsoft/signalr");

const { values: args } = parseArgs({
  options: {
    url: { type: "string", default: "http://localhost:5000" },
    user: { type: "string", default: "supplier1" },
    password: { type: "string", default: "demo" },
    auction: { type: "string" },
    amount: { type: "string" },
    confirm: { type: "boolean", default: false },
    watch: { type: "boolean", default: false },
  },
});

async function main() {
  const response = await fetch(new URL("/api/auth/token", args.url), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: args.user, password: args.password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const { accessToken } = await response.json();

  const auctionId = args.auction ?? (await (await fetch(new URL("/api/auctions", args.url))).json()).find((a) => a.status === "open")?.auctionId;
  if (!auctionId) throw new Error("no open auction: pass --auction ID");

  const connection = new signalR.HubConnectionBuilder()
    .withUrl(new URL("/hubs/auctions", args.url).toString(), { accessTokenFactory: () => accessToken })
    .withAutomaticReconnect()
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  connection.on("AuctionUpdated", (view) => print("updated", view));
  connection.on("AuctionClosed", (view) => print("closed", view));
  connection.onreconnected(() => connection.invoke("Join", auctionId));
  await connection.start();

  const view = await connection.invoke("Join", auctionId);
  print("joined", view);
  if (args.amount) {
    // A bidId of our own: sending it again (after a lost answer) can never create a second bid.
    const result = await connection.invoke("PlaceBid", auctionId, Number(args.amount), randomUUID(), args.confirm);
    console.log(JSON.stringify({ event: "bid", status: result.status, code: result.code ?? null, message: result.message, sequence: result.sequence ?? null, rank: result.rank ?? null }));
  }
  if (!args.watch) await connection.stop();
}

function print(event, view) {
  console.log(JSON.stringify({ event, status: view.status, sequence: view.sequence, myBest: view.myBest ?? null, myRank: view.myRank ?? null, leading: view.leading ?? null, endsAt: view.endsAt }));
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
