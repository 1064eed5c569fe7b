using Procurement.Testing;

namespace Procurement.Tendering.Tests;

/// <summary>Tender bodies as a purchaser's client sends them.</summary>
internal static class TenderBodies
{
    public static object Scheme(int pricePoints = 30) => new
    {
        criteria = new object[]
        {
            new { name = "Price", kind = "Price", maxPoints = pricePoints },
            new { name = "Service plan", kind = "Technical", maxPoints = 90 - pricePoints },
            new { name = "Past performance", kind = "PastPerformance", maxPoints = 10 },
        },
        fixedPrice = false,
    };

    public const string ServiceDescription = "Home visits and psychological support for elders living alone on Street X.";

    public static readonly object Staffing = new { certifiedSocialWorkers = 3, intermediateOrAbove = 1, supervisors = 1 };

    public static readonly string[] Eligibility = ["Registered social organisation", "No serious violation in the last three years"];

    public static readonly object[] Kpis =
    [
        new { name = "Service hours", unit = "hours", target = 2400 },
        new { name = "Elders served", unit = "people", target = 300 },
    ];

    public static readonly object Payment = new
    {
        instalments = new object[]
        {
            new { percent = 30, condition = "Activation" },
            new { percent = 40, condition = "MidTermPassed" },
            new { percent = 30, condition = "FinalPassed" },
        },
    };

    public static readonly object PersonnelCost = new
    {
        minimumPersonnelShare = 0.60m,
        payFloors = new object[] { new { level = "Assistant", monthlyPay = 4500.00m }, new { level = "Intermediate", monthlyPay = 5500.00m } },
    };

    /// <summary>
    /// A complete public tender: bids due at <paramref name="deadline"/> (25 days from now on the real clock unless given),
    /// a year of service after it (<see cref="ServiceYear.After"/>: 2027 for bids due in November 2026).
    /// </summary>
    public static object Complete(Guid programId, DateTimeOffset? deadline = null, string method = "PublicTender", object? scheme = null, int? version = null)
    {
        var due = deadline ?? DefaultDeadline();
        var (start, end) = ServiceYear.After(due);
        return new
        {
            programId,
            title = "Elder care 2027",
            budgetCeiling = 480000.00m,
            bidDeadline = due,
            serviceStart = start,
            serviceEnd = end,
            procurementMethod = method,
            evaluationScheme = scheme ?? Scheme(),
            staffingRequirement = Staffing,
            eligibility = Eligibility,
            kpis = Kpis,
            paymentSchedule = Payment,
            personnelCost = PersonnelCost,
            bidSecurity = 9600.00m,
            serviceDescription = ServiceDescription,
            version,
        };
    }

    /// <summary>Only the details a draft cannot do without.</summary>
    public static object Bare(Guid programId, DateTimeOffset? deadline = null)
    {
        var due = deadline ?? DefaultDeadline();
        var (start, end) = ServiceYear.After(due);
        return new { programId, title = "Elder care 2027", budgetCeiling = 480000.00m, bidDeadline = due, serviceStart = start, serviceEnd = end };
    }

    /// <summary>Bids due 25 days from now on the real clock.</summary>
    public static DateTimeOffset DefaultDeadline() => DateTimeOffset.UtcNow.AddDays(25);
}
