using System.Collections.Concurrent;
using HdrHistogram;

namespace CompraNet.AuctionLoad.Simulations;

/// <summary>
/// One measured quantity of a scenario (bid acknowledgements, update deliveries, echoes). Any thread records into
/// it without locks (a thread-safe HdrHistogram recorder in microseconds, interlocked counters); once a second the
/// runner takes the interval, keeping it only while the measured phase is on, so warm-up never leaks into results.
/// </summary>
public sealed class Measurement(string name)
{
    /// <summary>A minute: anything slower is recorded as a minute (and is a broken run anyway).</summary>
    public const long HighestMicros = 60_000_000;

    private static readonly double[] DistributionPercentiles = [0, 25, 50, 75, 90, 95, 99, 99.5, 99.9, 99.99, 100];

    private readonly Recorder _recorder = HistogramFactory.With64BitBucketSize().WithValuesFrom(1).WithValuesUpTo(HighestMicros)
        .WithPrecisionOf(3).WithThreadSafeWrites().WithThreadSafeReads().Create();

    private readonly HistogramBase _total = new LongHistogram(HighestMicros, 3);
    private readonly ConcurrentDictionary<string, long> _failures = new(StringComparer.Ordinal);
    private readonly List<SecondSample> _samples = [];
    private HistogramBase? _interval;
    private long _ok;
    private long _failed;
    private long _missed;
    private long _totalOk;
    private long _totalFailed;
    private double _measuredSeconds;
    private double _lastSampleAt;
    private volatile bool _measuring;

    public string Name { get; } = name;

    public void RecordOk(TimeSpan latency) => RecordOk((long)(latency.Ticks / 10.0));

    public void RecordOk(long micros)
    {
        _recorder.RecordValue(Math.Clamp(micros, 1, HighestMicros));
        Interlocked.Increment(ref _ok);
    }

    public void RecordFailure(string code)
    {
        Interlocked.Increment(ref _failed);
        if (_measuring)
        {
            _failures.AddOrUpdate(code, 1, (_, n) => n + 1);
        }
    }

    public void Record(StepOutcome outcome, TimeSpan latency)
    {
        if (outcome.IsOk)
        {
            RecordOk(latency);
        }
        else
        {
            RecordFailure(outcome.FailureCode!);
        }
    }

    /// <summary>Steps of an open model that fell due in the measured window but were never sent: the system was behind.</summary>
    public void RecordMissed(long count)
    {
        if (count > 0)
        {
            Interlocked.Add(ref _missed, count);
        }
    }

    public void BeginMeasuring(double elapsedSeconds)
    {
        TakeSample(elapsedSeconds, SecondSample.WarmupPhase, keep: false);
        _measuring = true;
    }

    public SecondSample TakeSample(double elapsedSeconds, bool measured) =>
        TakeSample(elapsedSeconds, measured ? SecondSample.MeasuredPhase : SecondSample.WarmupPhase, measured && _measuring);

    public void EndMeasuring(double elapsedSeconds, double measuredSeconds)
    {
        TakeSample(elapsedSeconds, SecondSample.MeasuredPhase, keep: true);
        _measuring = false;
        _measuredSeconds = measuredSeconds;
    }

    public MeasurementResult Result()
    {
        var count = _totalOk;
        double Ms(double percentile) => count == 0 ? 0 : _total.GetValueAtPercentile(percentile) / 1000.0;
        return new MeasurementResult(
            Name,
            _measuredSeconds,
            _totalOk,
            _totalFailed,
            Interlocked.Read(ref _missed),
            _measuredSeconds > 0 ? _totalOk / _measuredSeconds : 0,
            Ms(50),
            Ms(95),
            Ms(99),
            count == 0 ? 0 : _total.GetMaxValue() / 1000.0,
            count == 0 ? 0 : _total.GetMean() / 1000.0,
            new SortedDictionary<string, long>(_failures, StringComparer.Ordinal),
            [.. _samples],
            count == 0 ? [] : [.. DistributionPercentiles.Select(p => new PercentilePoint(p, Ms(p)))]);
    }

    private SecondSample TakeSample(double elapsedSeconds, string phase, bool keep)
    {
        _interval = _recorder.GetIntervalHistogram(_interval);
        var ok = Interlocked.Exchange(ref _ok, 0);
        var failed = Interlocked.Exchange(ref _failed, 0);
        var empty = _interval.TotalCount == 0;
        var sample = new SecondSample(
            Math.Round(elapsedSeconds, 3),
            Math.Round(elapsedSeconds - _lastSampleAt, 3),
            phase,
            ok,
            failed,
            empty ? 0 : _interval.GetValueAtPercentile(50) / 1000.0,
            empty ? 0 : _interval.GetValueAtPercentile(99) / 1000.0,
            empty ? 0 : _interval.GetMaxValue() / 1000.0);
        _lastSampleAt = elapsedSeconds;
        if (keep)
        {
            _total.Add(_interval);
            _totalOk += ok;
            _totalFailed += failed;
        }

        if (keep || phase == SecondSample.WarmupPhase)
        {
            _samples.Add(sample);
        }

        return sample;
    }
}
