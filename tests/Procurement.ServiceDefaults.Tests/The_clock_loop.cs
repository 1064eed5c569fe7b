using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Procurement.ServiceDefaults.Hosting;

namespace Procurement.ServiceDefaults.Tests;

/// <summary>
/// One loop runs every clock job of a host on the host's clock (here a <see cref="FakeTimeProvider"/> moved by hand):
/// each job on its own interval, a pass of each at start-up, a failing or slow job holding back no other.
/// </summary>
public sealed class The_clock_loop : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero));
    private readonly HostLifetime _host = new(started: true);
    private ClockLoop? _loop;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_loop is not null)
        {
            await _loop.StopAsync(CancellationToken.None);
            _loop.Dispose();
        }

        _host.Dispose();
    }

    [Fact]
    public async Task Every_job_runs_once_at_start_up_before_any_tick()
    {
        var often = Job(TimeSpan.FromSeconds(10));
        var seldom = Job(TimeSpan.FromHours(1));

        await StartAsync(often, seldom);

        await often.PassesAsync(1);
        await seldom.PassesAsync(1);
        await StopAsync();
        often.Started.Should().Equal(TimeSpan.Zero);
        seldom.Started.Should().Equal(TimeSpan.Zero);
    }

    [Fact]
    public async Task The_start_up_pass_waits_until_the_host_has_started()
    {
        using var starting = new HostLifetime(started: false);
        var job = Job(TimeSpan.FromSeconds(10));
        await StartAsync(starting, job);

        await Task.Delay(TimeSpan.FromMilliseconds(200));
        job.Started.Should().BeEmpty("the seeders and upgrades of the other hosted services come first");

        starting.Start();
        await job.PassesAsync(1);
        await StopAsync();
        job.Started.Should().Equal(TimeSpan.Zero);
    }

    [Fact]
    public async Task Two_jobs_at_different_intervals_each_run_on_their_own_ticks()
    {
        var every10 = Job(TimeSpan.FromSeconds(10));
        var every25 = Job(TimeSpan.FromSeconds(25));
        await StartAsync(every10, every25);
        await every10.PassesAsync(1);
        await every25.PassesAsync(1);

        for (var second = 5; second <= 50; second += 5)
        {
            _clock.Advance(TimeSpan.FromSeconds(5));
            await every10.PassesAsync(1 + (second / 10));
            await every25.PassesAsync(1 + (second / 25));
        }

        await StopAsync();
        every10.Started.Should().Equal(Seconds(0, 10, 20, 30, 40, 50));
        every25.Started.Should().Equal(Seconds(0, 25, 50));
    }

    [Fact]
    public async Task A_failing_job_is_logged_and_retried_at_its_next_tick_and_the_other_goes_on()
    {
        var failing = Job(TimeSpan.FromSeconds(10), (pass, _) => pass <= 2 ? throw new InvalidOperationException($"pass {pass} fails") : Task.CompletedTask);
        var other = Job(TimeSpan.FromSeconds(10));
        await StartAsync(failing, other);
        await failing.PassesAsync(1);
        await other.PassesAsync(1);

        for (var tick = 1; tick <= 2; tick++)
        {
            _clock.Advance(TimeSpan.FromSeconds(10));
            await failing.PassesAsync(1 + tick);
            await other.PassesAsync(1 + tick);
        }

        _loop!.ExecuteTask!.IsCompleted.Should().BeFalse("a failing pass does not end the loop");
        await StopAsync();
        failing.Started.Should().Equal(Seconds(0, 10, 20));
        failing.Finished.Should().Be(1, "the third try succeeded");
        other.Started.Should().Equal(Seconds(0, 10, 20));
        failing.Log.Errors.Should().Be(2);
    }

    [Fact]
    public async Task A_slow_job_holds_back_no_other_and_makes_one_more_pass_for_the_ticks_that_came_while_it_ran()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = Job(TimeSpan.FromSeconds(10), (pass, _) => pass == 1 ? release.Task : Task.CompletedTask);
        var fast = Job(TimeSpan.FromSeconds(10));
        await StartAsync(slow, fast);
        await slow.PassesAsync(1);
        await fast.PassesAsync(1);

        for (var tick = 1; tick <= 2; tick++)
        {
            _clock.Advance(TimeSpan.FromSeconds(10));
            await fast.PassesAsync(1 + tick);
        }

        slow.Started.Should().Equal(Seconds(0));
        release.SetResult();
        await slow.FinishedAsync(2);
        _clock.Advance(TimeSpan.FromSeconds(10));
        await slow.PassesAsync(3);
        await fast.PassesAsync(4);

        await StopAsync();
        slow.Started.Should().Equal(Seconds(0, 20, 30), "the ticks at 10 and 20 came while the first pass ran: one pass follows it");
        fast.Started.Should().Equal(Seconds(0, 10, 20, 30));
    }

    [Fact]
    public async Task After_the_clock_jumps_each_job_runs_once_not_once_per_tick_it_slept_through()
    {
        var every10 = Job(TimeSpan.FromSeconds(10));
        var every25 = Job(TimeSpan.FromSeconds(25));
        await StartAsync(every10, every25);
        await every10.PassesAsync(1);
        await every25.PassesAsync(1);

        _clock.AdjustTime(_clock.GetUtcNow() + TimeSpan.FromHours(1));
        _clock.Advance(TimeSpan.FromSeconds(10));
        await every10.PassesAsync(2);
        await every25.PassesAsync(2);

        await StopAsync();
        every10.Started.Should().Equal(Seconds(0, 3610));
        every25.Started.Should().Equal(Seconds(0, 3610));
    }

    [Fact]
    public async Task A_next_tick_less_than_a_millisecond_away_is_waited_for_not_spun_on()
    {
        // Timers count whole milliseconds: a wait of a fraction of one was cut to none, and the loop, its clock standing
        // still, woke and slept again forever inside the clock's SetUtcNow (a CI run hung on it for an hour).
        var job = Job(TimeSpan.FromMinutes(1));
        await StartAsync(job);
        await job.PassesAsync(1);

        var moved = Task.Run(() => _clock.SetUtcNow(_clock.GetUtcNow() + TimeSpan.FromDays(9) - TimeSpan.FromTicks(1)));
        (await Task.WhenAny(moved, Task.Delay(Patience))).Should().BeSameAs(moved, "moving the clock returns");
        await job.PassesAsync(2);

        // The next tick, a tick of the clock away, is waited for as a whole millisecond: a pass at most a millisecond late.
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await job.PassesAsync(3);
        await StopAsync();
        job.Started.Should().Equal(
            TimeSpan.Zero, TimeSpan.FromDays(9) - TimeSpan.FromTicks(1), TimeSpan.FromDays(9) + TimeSpan.FromMilliseconds(1) - TimeSpan.FromTicks(1));
    }

    [Fact]
    public async Task Stopping_tells_the_pass_under_way_and_waits_for_it()
    {
        var cancelled = false;
        var job = Job(TimeSpan.FromSeconds(10), async (_, stopping) =>
        {
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, stopping);
            }
            catch (OperationCanceledException)
            {
                cancelled = true;
                throw;
            }
        });
        await StartAsync(job);
        await job.PassesAsync(1);

        await StopAsync();

        cancelled.Should().BeTrue();
        _loop!.ExecuteTask!.IsCompletedSuccessfully.Should().BeTrue();
        job.Log.Errors.Should().Be(0, "a pass cut short by the host stopping is not a failure");
    }

    [Fact]
    public void A_host_registers_one_loop_and_each_job_once_however_many_lines_add_them()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddSingleton<IHostApplicationLifetime>(_host);
        services.AddClockJob<FirstJob>();
        services.AddClockJob<SecondJob>();
        services.AddClockJob<FirstJob>();

        using var provider = services.BuildServiceProvider();

        var loop = provider.GetServices<IHostedService>().Should().ContainSingle().Which.Should().BeOfType<ClockLoop>().Which;
        loop.Jobs.Should().HaveCount(2);
        loop.Jobs[0].Should().BeSameAs(provider.GetRequiredService<FirstJob>());
        loop.Jobs[1].Should().BeSameAs(provider.GetRequiredService<SecondJob>());
    }

    private static TimeSpan[] Seconds(params int[] seconds) => [.. seconds.Select(s => TimeSpan.FromSeconds(s))];

    private RecordingJob Job(TimeSpan interval, Func<int, CancellationToken, Task>? pass = null) => new(_clock, interval, pass);

    private Task StartAsync(params ClockJob[] jobs) => StartAsync(_host, jobs);

    private async Task StartAsync(HostLifetime host, params ClockJob[] jobs)
    {
        _loop = new ClockLoop(jobs, _clock, host, NullLogger<ClockLoop>.Instance);
        await _loop.StartAsync(CancellationToken.None);
    }

    private async Task StopAsync()
    {
        await _loop!.StopAsync(CancellationToken.None).WaitAsync(Patience);
    }

    /// <summary>The host's lifetime: started already, or when a test says.</summary>
    private sealed class HostLifetime : IHostApplicationLifetime, IDisposable
    {
        private readonly CancellationTokenSource _started = new();

        public HostLifetime(bool started)
        {
            if (started)
            {
                Start();
            }
        }

        public CancellationToken ApplicationStarted => _started.Token;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void Start() => _started.Cancel();

        public void StopApplication()
        {
        }

        public void Dispose() => _started.Dispose();
    }

    /// <summary>A job that notes when each pass started (from the first) and how many finished without failing.</summary>
    private sealed class RecordingJob(FakeTimeProvider clock, TimeSpan interval, Func<int, CancellationToken, Task>? pass)
        : ClockJob(clock, new CountingLogger())
    {
        private readonly DateTimeOffset _origin = clock.GetUtcNow();
        private readonly List<TimeSpan> _started = [];
        private int _finished;

        public CountingLogger Log => (CountingLogger)Logger;

        public IReadOnlyList<TimeSpan> Started
        {
            get
            {
                lock (_started)
                {
                    return [.. _started];
                }
            }
        }

        public int Finished => Volatile.Read(ref _finished);

        protected override TimeSpan Interval => interval;

        protected override string Activity => "Recording a pass";

        public override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
        {
            int number;
            lock (_started)
            {
                _started.Add(Clock.GetUtcNow() - _origin);
                number = _started.Count;
            }

            if (pass is not null)
            {
                await pass(number, cancellationToken);
            }

            Interlocked.Increment(ref _finished);
            return 1;
        }

        public Task PassesAsync(int count) => UntilAsync(() => Started.Count >= count, $"{count} passes started");

        public Task FinishedAsync(int count) => UntilAsync(() => Finished >= count, $"{count} passes finished");

        private async Task UntilAsync(Func<bool> condition, string what)
        {
            var deadline = DateTime.UtcNow + Patience;
            while (!condition())
            {
                DateTime.UtcNow.Should().BeBefore(deadline, $"{what} within {Patience} (started at {string.Join(", ", Started)}; the clock at {Clock.GetUtcNow() - _origin})");
                await Task.Delay(TimeSpan.FromMilliseconds(5));
            }
        }
    }

    /// <summary>Counts the errors a job logs.</summary>
    private sealed class CountingLogger : ILogger
    {
        private int _errors;

        public int Errors => Volatile.Read(ref _errors);

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error)
            {
                Interlocked.Increment(ref _errors);
            }
        }
    }

    private sealed class FirstJob(TimeProvider clock, ILogger<FirstJob> logger) : ClockJob(clock, logger)
    {
        protected override TimeSpan Interval => TimeSpan.FromSeconds(1);

        protected override string Activity => "First";

        public override Task<int> RunOnceAsync(CancellationToken cancellationToken) => Task.FromResult(0);
    }

    private sealed class SecondJob(TimeProvider clock, ILogger<SecondJob> logger) : ClockJob(clock, logger)
    {
        protected override TimeSpan Interval => TimeSpan.FromSeconds(2);

        protected override string Activity => "Second";

        public override Task<int> RunOnceAsync(CancellationToken cancellationToken) => Task.FromResult(0);
    }
}
