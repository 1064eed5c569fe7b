using Procurement.Contracts.Tendering;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Persistence;
using Procurement.Tendering.Domain.Rules;

namespace Procurement.Tendering.Domain;

/// <summary>
/// A question (答疑) an agency asked about a published tender, and the purchaser's answer. The asker is
/// kept only to show them their own unanswered question; no reader is ever told who asked (DOMAIN.md §3).
/// </summary>
public sealed class TenderQuestion : IRecordsEvents
{
    private readonly PendingEvents _events = new();

    public const int TextMaxLength = 2000;

    public const int AnswerMaxLength = 4000;

    private TenderQuestion()
    {
    }

    /// <inheritdoc/>
    public PendingEvents PendingEvents() => _events;

    public Guid Id { get; private set; }

    public Guid TenderId { get; private set; }

    /// <summary>The asking agency: never shown to anyone, not even the purchaser.</summary>
    public Guid AskedBy { get; private set; }

    public string Text { get; private set; } = "";

    public DateTimeOffset AskedAt { get; private set; }

    public string? Answer { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>The purchaser marked the answer as one that can change bids: it counts as an amendment for the margin.</summary>
    public bool ChangesBids { get; private set; }

    public bool IsAnswered => Answer is not null;

    /// <summary>An agency asks while the tender is open for bids, before the deadline.</summary>
    public static TenderQuestion Ask(Tender tender, Guid agency, string text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tender);
        tender.EnsureOpenForBids(now);
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
        {
            throw new RuleViolationException("question_text_required", "text");
        }

        return new TenderQuestion { Id = Guid.CreateVersion7(), TenderId = tender.Id, AskedBy = agency, Text = trimmed, AskedAt = now };
    }

    /// <summary>
    /// The purchaser answers, once. An answer that can change bids moves the tender's deadline out when
    /// it comes inside the method's margin, exactly as an amendment does.
    /// </summary>
    public void Publish(Tender tender, string answer, bool changesBids, DateTimeOffset now, ProcurementMethodRules rules)
    {
        ArgumentNullException.ThrowIfNull(tender);
        if (tender.Id != TenderId)
        {
            throw new ArgumentException("The question belongs to another tender.", nameof(tender));
        }

        if (IsAnswered)
        {
            throw new ConflictException("question_already_answered");
        }

        var trimmed = (answer ?? "").Trim();
        if (trimmed.Length == 0)
        {
            throw new RuleViolationException("answer_text_required", "answer");
        }

        tender.Clarify(changesBids, now, rules);
        Answer = trimmed;
        AnsweredAt = now;
        ChangesBids = changesBids;
        _events.Record(new TenderClarified(tender.Id, Id, Text, trimmed, changesBids, tender.BidDeadline, now));
    }
}
