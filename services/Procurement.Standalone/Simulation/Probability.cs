namespace Procurement.Standalone.Simulation;

/// <summary>The few numerical functions the delay distributions need, with no package behind them.</summary>
public static class Probability
{
    /// <summary>
    /// The standard normal quantile Φ⁻¹(p) for 0 &lt; p &lt; 1 (P. J. Acklam's rational approximation, relative error
    /// below 1.2e-9 — far finer than the whole days the simulator rounds to).
    /// </summary>
    public static double NormalQuantile(double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(p, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(p, 1.0);
        double[] a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        double[] b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        double[] c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        double[] d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double low = 0.02425;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }

        if (p > 1 - low)
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }

        var r = p - 0.5;
        var s = r * r;
        return (((((a[0] * s + a[1]) * s + a[2]) * s + a[3]) * s + a[4]) * s + a[5]) * r / (((((b[0] * s + b[1]) * s + b[2]) * s + b[3]) * s + b[4]) * s + 1);
    }

    /// <summary>A draw of the gamma distribution with scale 1 (Marsaglia and Tsang; shape below 1 by the boost U^(1/shape)).</summary>
    public static double StandardGamma(double shape, Draws draws)
    {
        ArgumentNullException.ThrowIfNull(draws);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(shape, 0.0);
        if (shape < 1)
        {
            return StandardGamma(shape + 1, draws) * Math.Pow(draws.NextOpenUniform(), 1.0 / shape);
        }

        var d = shape - (1.0 / 3.0);
        var c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = draws.NextNormal();
                v = 1.0 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = draws.NextOpenUniform();
            if (Math.Log(u) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    /// <summary>The quantile of the gamma distribution with scale 1: bisection on the regularized lower incomplete gamma function.</summary>
    public static double GammaQuantile(double shape, double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(shape, 0.0);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(p, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(p, 1.0);
        var high = Math.Max(1.0, shape);
        while (RegularizedLowerGamma(shape, high) < p)
        {
            high *= 2;
        }

        var low = 0.0;
        for (var i = 0; i < 200 && high - low > 1e-10 * high; i++)
        {
            var middle = (low + high) / 2;
            if (RegularizedLowerGamma(shape, middle) < p)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return (low + high) / 2;
    }

    /// <summary>P(a, x): the series below a + 1, the continued fraction (modified Lentz) above (Numerical Recipes §6.2).</summary>
    public static double RegularizedLowerGamma(double a, double x)
    {
        if (x <= 0)
        {
            return 0;
        }

        var logPrefix = (a * Math.Log(x)) - x - LogGamma(a);
        if (x < a + 1)
        {
            var term = 1.0 / a;
            var sum = term;
            for (var n = 1; n < 1000 && Math.Abs(term) > Math.Abs(sum) * 1e-15; n++)
            {
                term *= x / (a + n);
                sum += term;
            }

            return sum * Math.Exp(logPrefix);
        }

        const double tiny = 1e-300;
        var b = x + 1 - a;
        var cc = 1.0 / tiny;
        var dd = 1.0 / b;
        var h = dd;
        for (var i = 1; i < 1000; i++)
        {
            var an = -i * (i - a);
            b += 2;
            dd = (an * dd) + b;
            dd = Math.Abs(dd) < tiny ? tiny : dd;
            cc = b + (an / cc);
            cc = Math.Abs(cc) < tiny ? tiny : cc;
            dd = 1.0 / dd;
            var delta = dd * cc;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-15)
            {
                break;
            }
        }

        return 1.0 - (Math.Exp(logPrefix) * h);
    }

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos, g = 7, nine coefficients).</summary>
    public static double LogGamma(double x)
    {
        double[] g =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        }

        x -= 1;
        var sum = g[0];
        for (var i = 1; i < g.Length; i++)
        {
            sum += g[i] / (x + i);
        }

        var t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }
}
