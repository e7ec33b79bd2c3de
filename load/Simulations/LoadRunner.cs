using System.Diagnostics;

namespace CompraNet.AuctionLoad.Simulations;

/// <summary>
/// Runs a <see cref="LoadSimulation"/>: starts its copies, ticks every measurement once a second (printing the
/// progress line), switches from warm-up to measured, and stops by itself at the end; steps still in flight then
/// get a short grace to finish (they no longer count) before they are cancelled.
/// </summary>
public sealed class LoadRunner(string label, LoadSimulation simulation)
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Open model only: how late each step actually left against its intended time (timer slack, a busy machine,
    /// the copy's previous step still in flight). Large values mean the generator, not only the target, fell behind.
    /// </summary>
    public Measurement SendLag { get; } = new("send-lag");

    /// <param name="step">One step of copy <c>i</c>; the runner measures its latency.</param>
    /// <param name="stepMeasurement">Where step outcomes are recorded.</param>
    /// <param name="sampled">Every measurement to tick (the step measurement included), in display order.</param>
    /// <summary>The open model's send lag as figures for a scenario result (none for the closed model).</summary>
    public IEnumerable<KeyValuePair<string, double>> SendLagFigures()
    {
        if (simulation is not OpenModel)
        {
            yield break;
        }

        var lag = SendLag.Result();
        yield return new("sendLagP50Ms", Math.Round(lag.P50Ms, 3));
        yield return new("sendLagP99Ms", Math.Round(lag.P99Ms, 3));
    }

    public async Task RunAsync(Func<int, CancellationToken, Task<StepOutcome>> step, Measurement stepMeasurement,
        IReadOnlyList<Measurement> sampled, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var hardStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var warmup = simulation.Warmup.TotalSeconds;
        var measureEnd = warmup + simulation.Duration.TotalSeconds;
        var clock = Stopwatch.StartNew();

        Console.WriteLine($"[{label}] {simulation.Describe()}; warm-up {simulation.Warmup.TotalSeconds:0.#}s, measured {simulation.Duration.TotalSeconds:0.#}s");
        var workers = new Task[simulation.Copies];
        for (var i = 0; i < workers.Length; i++)
        {
            var copy = i;
            workers[i] = simulation switch
            {
                OpenModel open => Task.Run(() => OpenCopyAsync(open, copy, step, stepMeasurement, SendLag, clock, warmup, measureEnd, stop.Token, hardStop.Token), CancellationToken.None),
                _ => Task.Run(() => ClosedCopyAsync(copy, step, stepMeasurement, stop.Token, hardStop.Token), CancellationToken.None),
            };
        }

        try
        {
            await TickAsync([.. sampled, SendLag], clock, warmup, measureEnd, cancellationToken);
        }
        finally
        {
            await stop.CancelAsync();
            ProgressLine.Finish();
            var all = Task.WhenAll(workers);
            if (await Task.WhenAny(all, Task.Delay(Grace, CancellationToken.None)) != all)
            {
                await hardStop.CancelAsync();
                await Task.WhenAny(all, Task.Delay(Grace, CancellationToken.None));
            }
        }
    }

    private async Task TickAsync(IReadOnlyList<Measurement> sampled, Stopwatch clock, double warmup, double measureEnd, CancellationToken cancellationToken)
    {
        var measuring = false;
        var measureStart = 0.0;
        var next = 1.0;
        while (true)
        {
            var now = clock.Elapsed.TotalSeconds;
            if (!measuring && now >= warmup)
            {
                measuring = true;
                measureStart = clock.Elapsed.TotalSeconds;
                foreach (var m in sampled)
                {
                    m.BeginMeasuring(measureStart);
                }

                next = measureStart + 1;
            }

            if (now >= measureEnd)
            {
                var end = clock.Elapsed.TotalSeconds;
                foreach (var m in sampled)
                {
                    m.EndMeasuring(end, end - measureStart);
                }

                return;
            }

            var wake = Math.Min(next, measuring ? measureEnd : warmup);
            var wait = wake - clock.Elapsed.TotalSeconds;
            if (wait > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(wait), cancellationToken);
            }

            if (clock.Elapsed.TotalSeconds >= next)
            {
                var at = clock.Elapsed.TotalSeconds;
                var samples = sampled.Select(m => (m.Name, m.TakeSample(at, measuring))).Where(s => s.Name != SendLag.Name).ToList();
                ProgressLine.Print(label, measuring ? "measure" : "warm-up", measuring ? at - measureStart : at,
                    measuring ? measureEnd - warmup : warmup, samples);
                next += 1;
            }
        }
    }

    private static async Task ClosedCopyAsync(int copy, Func<int, CancellationToken, Task<StepOutcome>> step, Measurement measurement,
        CancellationToken stop, CancellationToken hardStop)
    {
        while (!stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            var outcome = await RunStepAsync(step, copy, hardStop);
            measurement.Record(outcome, Stopwatch.GetElapsedTime(started));
            await BackOffAfterErrorAsync(outcome, stop);
        }
    }

    private static async Task OpenCopyAsync(OpenModel model, int copy, Func<int, CancellationToken, Task<StepOutcome>> step, Measurement measurement,
        Measurement sendLag, Stopwatch clock, double warmup, double measureEnd, CancellationToken stop, CancellationToken hardStop)
    {
        long n = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var due = model.DueAt(copy, n);
                var wait = due - clock.Elapsed.TotalSeconds;
                if (wait > 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds(wait), stop);
                }

                sendLag.RecordOk(TimeSpan.FromSeconds(clock.Elapsed.TotalSeconds - due));
                var outcome = await RunStepAsync(step, copy, hardStop);
                measurement.Record(outcome, TimeSpan.FromSeconds(clock.Elapsed.TotalSeconds - due));
                n++;
                await BackOffAfterErrorAsync(outcome, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }

        measurement.RecordMissed(model.DueBetween(copy, n, warmup, measureEnd));
    }

    private static async Task<StepOutcome> RunStepAsync(Func<int, CancellationToken, Task<StepOutcome>> step, int copy, CancellationToken hardStop)
    {
        try
        {
            return await step(copy, hardStop);
        }
        catch (OperationCanceledException) when (hardStop.IsCancellationRequested)
        {
            return StepOutcome.Fail("cancelled");
        }
        catch (Exception ex)
        {
            return StepOutcome.Fail(ErrorCodes.Of(ex));
        }
    }

    private static async Task BackOffAfterErrorAsync(StepOutcome outcome, CancellationToken stop)
    {
        // A transport error (connection lost) would otherwise spin the copy at full speed.
        if (outcome.FailureCode is { } code && code.StartsWith(ErrorCodes.Prefix, StringComparison.Ordinal))
        {
            try
            {
                await Task.Delay(100, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
