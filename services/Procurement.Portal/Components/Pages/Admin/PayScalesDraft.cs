using Procurement.Portal.Client;

namespace Procurement.Portal.Components.Pages.Admin;

/// <summary>One post's row as the form edits it: the monthly pay of each grade, lowest first; an empty box is sent as none.</summary>
public sealed class PayScalePostDraft
{
    public CertificateLevel Post { get; init; }

    public decimal?[] Grades { get; } = new decimal?[PayScalesDraft.GradesPerPost];
}

/// <summary>
/// A new pay scale as the administrator fills it in on <c>/admin/pay-scales</c>: the four posts in the order of the
/// certificate levels, three grades each, started from the last kept scale's pay (or empty), sent as
/// <c>POST /api/tenders/pay-scales</c>; the API checks it and names each refused box (<c>posts[i].grades[j]</c>).
/// </summary>
public sealed class PayScalesDraft
{
    /// <summary>Grades per post (四岗十二档).</summary>
    public const int GradesPerPost = 3;

    public string? Region { get; set; }

    public int? Year { get; set; }

    public string? Note { get; set; }

    public List<PayScalePostDraft> Posts { get; } = [];

    /// <summary>A draft for <paramref name="year"/> holding <paramref name="start"/>'s pay, or empty boxes without one.</summary>
    public static PayScalesDraft From(PayScaleResponse? start, int year)
    {
        var draft = new PayScalesDraft { Year = year };
        foreach (var level in Enum.GetValues<CertificateLevel>())
        {
            var post = new PayScalePostDraft { Post = level };
            var kept = start?.Content.Posts.FirstOrDefault(p => p.Post == level)?.Grades.ToList() ?? [];
            for (var g = 0; g < GradesPerPost && g < kept.Count; g++)
            {
                post.Grades[g] = kept[g];
            }

            draft.Posts.Add(post);
        }

        return draft;
    }

    /// <summary>The API's body; an empty box is left out of its post, so the API names the post's grades as too few.</summary>
    public PayScaleRequest ToRequest() => new()
    {
        Region = string.IsNullOrWhiteSpace(Region) ? null : Region.Trim(),
        Year = Year,
        Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(),
        Posts = [.. Posts.Select(post => new PayScalePost { Post = post.Post, Grades = [.. post.Grades.OfType<decimal>()] })],
    };
}
