// The load tool (scenarios, load simulations, latency percentiles, reports) is built in its own issue;
// until then it says so instead of pretending to measure.
Console.Error.WriteLine("AuctionLoad: scenarios are not implemented yet (see the load-testing issue).");
return 2;
