namespace Procurement.Simulation;

/// <summary>What a draw is for; with the program and an ordinal it keys its own stream.</summary>
public enum DrawPurpose
{
    ProgramStart = 1,
    ProgramAmount = 2,
    Grade = 3,
    ProcurementStep = 4,
    TreasuryDelay = 5,
}

/// <summary>
/// A seeded stream of uniform numbers (SplitMix64) keyed by the run's seed, the program, the purpose and an ordinal
/// (the program's k-th contract, k-th procurement step, …). Every draw has its own key, so results do not depend on the
/// order programs are stepped in, and both policies see the same draws for the same key (common random numbers): the
/// third contract of program 12 gets the same grade under either policy.
/// </summary>
public sealed class Draws
{
    private ulong _state;

    private Draws(ulong state) => _state = state;

    public static Draws For(int seed, int program, DrawPurpose purpose, int ordinal)
    {
        var state = Mix((ulong)(uint)seed);
        state = Mix(state ^ (ulong)(uint)program);
        state = Mix(state ^ (ulong)purpose);
        return new Draws(Mix(state ^ (ulong)(uint)ordinal));
    }

    /// <summary>A uniform number in [0, 1) with 53 random bits.</summary>
    public double NextUniform() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform number in (0, 1): safe for logarithms.</summary>
    public double NextOpenUniform()
    {
        double u;
        do
        {
            u = NextUniform();
        }
        while (u <= 0.0);

        return u;
    }

    /// <summary>A standard normal number (Box–Muller).</summary>
    public double NextNormal() => Math.Sqrt(-2.0 * Math.Log(NextOpenUniform())) * Math.Cos(2.0 * Math.PI * NextUniform());

    /// <summary>A whole number in [0, <paramref name="exclusiveMax"/>).</summary>
    public int NextInt(int exclusiveMax) => (int)(NextUniform() * exclusiveMax);

    private ulong Next()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
