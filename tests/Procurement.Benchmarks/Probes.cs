using System.Buffers.Binary;
using System.Diagnostics.Metrics;
using System.Globalization;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.Benchmarks;

/// <summary>
/// The totals of the meter <see cref="DatabaseMeter.Name"/> since the program started, per instrument and <c>db</c> tag
/// (every host runs in this process, so one listener hears them all).
/// </summary>
internal sealed class DatabaseCounters : IDisposable
{
    public const string Commands = "procurement.db.commands";
    public const string Batches = "procurement.db.write.batches";
    public const string Saves = "procurement.db.write.saves";
    public const string Busy = "procurement.db.write.busy";

    private readonly MeterListener _listener = new();
    private readonly Dictionary<(string Instrument, string Db), double> _totals = [];

    public DatabaseCounters()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == DatabaseMeter.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The totals so far; two snapshots subtract (<see cref="DatabaseSnapshot.Since"/>).</summary>
    public DatabaseSnapshot Snapshot()
    {
        lock (_totals)
        {
            return new DatabaseSnapshot(new Dictionary<(string, string), double>(_totals));
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var db = "";
        foreach (var tag in tags)
        {
            if (tag.Key == "db")
            {
                db = Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? "";
            }
        }

        lock (_totals)
        {
            _totals[(instrument.Name, db)] = _totals.GetValueOrDefault((instrument.Name, db)) + value;
        }
    }
}

/// <summary>Totals of the database meter at one moment.</summary>
internal sealed record DatabaseSnapshot(IReadOnlyDictionary<(string Instrument, string Db), double> Totals)
{
    public double this[string instrument, string db] => Totals.GetValueOrDefault((instrument, db));

    /// <summary>What moved between <paramref name="earlier"/> and this snapshot.</summary>
    public DatabaseSnapshot Since(DatabaseSnapshot earlier) => new(Totals.ToDictionary(t => t.Key, t => t.Value - earlier[t.Key.Instrument, t.Key.Db]));

    /// <summary>Commands per database that ran any, most first.</summary>
    public IEnumerable<(string Db, double Commands)> CommandsByDatabase() => Totals
        .Where(t => t.Key.Instrument == DatabaseCounters.Commands && t.Value > 0)
        .Select(t => (t.Key.Db, t.Value))
        .OrderByDescending(t => t.Value);
}

/// <summary>Bytes this process caused to be written to storage (<c>/proc/self/io</c> <c>write_bytes</c>), or null where the kernel does not count them.</summary>
internal static class DiskWrites
{
    public static long? Total()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/io"))
            {
                if (line.StartsWith("write_bytes:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan("write_bytes:".Length).Trim(), CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        return null;
    }
}

/// <summary>
/// Counts the frames SQLite appends to a database's write-ahead log, by reading the WAL index header in its
/// <c>-shm</c> file every millisecond on a thread of its own: <c>mxFrame</c> (the last committed frame) and the salt,
/// which changes each time a writer restarts the log from its start after a full checkpoint. Frames appended = the
/// growth of <c>mxFrame</c> within each generation of the log, summed. The file's size says nothing here: a restarted log
/// is written over from the start. Frames written in the last millisecond before a restart could be missed, but a restart
/// waits for a checkpoint of the whole log (which takes milliseconds, in the commit that triggers it), so in practice
/// the sum is exact; it can only be low, never high.
/// </summary>
internal sealed class WalFrames : IDisposable
{
    private const int HeaderSize = 48;

    private readonly FileStream _shm;
    private readonly Thread _thread;
    private readonly byte[] _buffer = new byte[HeaderSize * 2];
    private volatile bool _stop;
    private uint _salt;
    private uint _generationStart;
    private uint _generationMax;
    private long _completed;
    private int _restarts;
    private int _pageSize;
    private bool _seen;

    private WalFrames(string database)
    {
        _shm = new FileStream(database + "-shm", FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
        _thread = new Thread(Run) { IsBackground = true, Name = "wal-frames", Priority = ThreadPriority.AboveNormal };
    }

    /// <summary>Starts counting on <paramref name="database"/>'s log; null when it has no WAL index (not in WAL mode, or not SQLite).</summary>
    public static WalFrames? Start(string? database)
    {
        if (database is null || !File.Exists(database + "-shm"))
        {
            return null;
        }

        var frames = new WalFrames(database);
        frames.Sample();
        frames._thread.Start();
        return frames;
    }

    /// <summary>Stops sampling; the frames appended since <see cref="Start"/>, the page size and how often the log restarted.</summary>
    public (long Frames, int PageSize, int Restarts) Stop()
    {
        _stop = true;
        _thread.Join();
        Sample();
        _shm.Dispose();
        return (_completed + (_generationMax - _generationStart), _pageSize, _restarts);
    }

    public void Dispose()
    {
        if (!_stop)
        {
            Stop();
        }
    }

    private void Run()
    {
        while (!_stop)
        {
            Sample();
            Thread.Sleep(1);
        }
    }

    private void Sample()
    {
        // SQLite writes the header twice and a reader trusts it only when both copies agree (a writer may be midway).
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (RandomAccess.Read(_shm.SafeFileHandle, _buffer, 0) < _buffer.Length)
            {
                return;
            }

            var first = _buffer.AsSpan(0, HeaderSize);
            if (first.SequenceEqual(_buffer.AsSpan(HeaderSize, HeaderSize)) && first[12] == 1)
            {
                Observe(
                    BinaryPrimitives.ReadUInt32LittleEndian(first[16..]),
                    BinaryPrimitives.ReadUInt32LittleEndian(first[32..]),
                    BinaryPrimitives.ReadUInt16LittleEndian(first[14..]));
                return;
            }

            Thread.Yield();
        }
    }

    private void Observe(uint maxFrame, uint salt, ushort pageSize)
    {
        _pageSize = pageSize == 1 ? 65536 : pageSize;
        if (!_seen)
        {
            (_seen, _salt, _generationStart, _generationMax) = (true, salt, maxFrame, maxFrame);
        }
        else if (salt != _salt)
        {
            // The log restarted: the last generation ended at the highest frame seen in it.
            _completed += _generationMax - _generationStart;
            _restarts++;
            (_salt, _generationStart, _generationMax) = (salt, 0, maxFrame);
        }
        else if (maxFrame > _generationMax)
        {
            _generationMax = maxFrame;
        }
    }
}

/// <summary>What the database meter, the kernel's I/O count and the WAL index say about one timed phase.</summary>
internal sealed record PhaseFigures(DatabaseSnapshot Database, long? DiskBytes, (long Frames, int PageSize, int Restarts)? Wal)
{
    /// <summary>Reads the counters before a phase; <see cref="Probe.Stop"/> after it.</summary>
    public static Probe Start(DatabaseCounters counters, string? walDatabase) => new(counters, walDatabase);

    internal sealed class Probe(DatabaseCounters counters, string? walDatabase) : IDisposable
    {
        private readonly DatabaseSnapshot _database = counters.Snapshot();
        private readonly long? _disk = DiskWrites.Total();
        private readonly WalFrames? _wal = WalFrames.Start(walDatabase);

        public PhaseFigures Stop()
        {
            var disk = DiskWrites.Total();
            var wal = _wal?.Stop();
            return new PhaseFigures(counters.Snapshot().Since(_database), disk - _disk, wal);
        }

        public void Dispose() => _wal?.Dispose();
    }

    /// <summary>
    /// The lines a timed phase prints below its latencies: SQL commands, the write gate, disk and WAL bytes, per
    /// <paramref name="operations"/> (bids, or the ceiling's rows) over <paramref name="seconds"/> of wall time.
    /// </summary>
    public void Print(string db, int operations, double seconds, string what)
    {
        var commands = Database[DatabaseCounters.Commands, db];
        var others = Database.CommandsByDatabase().Where(c => c.Db != db).ToList();
        Console.WriteLine($"  sql           {commands / operations:F1} commands per {what} on {db} ({commands:F0} in all)" +
            (others.Count == 0 ? "" : "; other databases: " + string.Join(", ", others.Select(o => $"{o.Db} {o.Commands:F0}"))));
        var busy = Database[DatabaseCounters.Busy, db];
        var batches = Database[DatabaseCounters.Batches, db];
        var saves = Database[DatabaseCounters.Saves, db];
        Console.WriteLine("  write gate    " + (busy > 0
            ? $"busy {busy:F2} s of {seconds:F2} s = {busy / seconds:P0}, {busy * 1000 / operations:F2} ms held per {what}"
            : "busy n/a (the writer's busy counter did not move)"));
        Console.WriteLine("  batches       " + (batches > 0
            ? $"{batches:F0} batches, {saves:F0} saves, {saves / batches:F1} saves per batch"
            : "n/a (the writer's batch counter did not move)"));
        Console.WriteLine("  disk          " + (DiskBytes is { } bytes
            ? $"{bytes / 1024.0 / operations:F1} KiB written per {what} ({bytes / 1048576.0:F1} MiB; /proc/self/io write_bytes of the whole process: every host, every database, logs)"
            : "n/a (/proc/self/io has no write_bytes here)"));
        Console.WriteLine("  wal           " + (Wal is { } wal
            ? $"{wal.Frames / (double)operations:F1} pages = {wal.Frames * (wal.PageSize + 24) / 1024.0 / operations:F1} KiB appended to {db}-wal per {what} " +
              $"({wal.Frames} frames of {wal.PageSize} B + 24 B header; log restarted {wal.Restarts} times; read from {db}-shm every 1 ms)"
            : $"n/a ({db} has no -shm file: not in WAL mode)"));
    }
}

/// <summary>The path of a SQLite database file from its connection string, or null for another provider.</summary>
internal static class SqliteFile
{
    public static string? Of(string? connectionString)
    {
        if (string.IsNullOrEmpty(connectionString))
        {
            return null;
        }

        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        return string.IsNullOrEmpty(builder.DataSource) ? null : Path.GetFullPath(builder.DataSource);
    }

    /// <summary>SQLite's <c>synchronous</c> level as its name.</summary>
    public static string SynchronousName(long level) => level switch
    {
        0 => "OFF",
        1 => "NORMAL",
        2 => "FULL",
        3 => "EXTRA",
        _ => level.ToString(CultureInfo.InvariantCulture),
    };
}
