using Procurement.Rules.Refusals;

namespace Procurement.ServiceDefaults.Problems;

/// <summary>The paging and date range every public list takes (announcements, contracts, audit roots).</summary>
public static class PublicPaging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Refuses a page below 1, a page size outside 1–<see cref="MaxPageSize"/> and a date range that ends before it starts (400, each field named).</summary>
    public static void Ensure(int page, int pageSize, DateOnly? from, DateOnly? to)
    {
        var errors = new FieldErrors();
        if (page < 1)
        {
            errors.Add("page", "positive");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", "one_of", $"1–{MaxPageSize}");
        }

        if (from is { } f && to is { } t && t < f)
        {
            errors.Add("to", "not_before", "from");
        }

        errors.ThrowIfAny();
    }
}
