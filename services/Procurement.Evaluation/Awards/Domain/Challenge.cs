using Procurement.Rules.Refusals;

namespace Procurement.Evaluation.Awards.Domain;

/// <summary>A bidder's challenge (质疑) of a published result, and the purchaser's answer.</summary>
public sealed class Challenge
{
    private Challenge()
    {
        LodgedBy = Text = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid AwardId { get; private set; }

    public Guid TenderId { get; private set; }

    public Guid AgencyId { get; private set; }

    public string LodgedBy { get; private set; }

    public string Text { get; private set; }

    public DateTimeOffset LodgedAt { get; private set; }

    public string? Answer { get; private set; }

    public string? AnsweredBy { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public bool IsAnswered => Answer is not null;

    internal static Challenge Lodge(Award award, Guid agencyId, string lodgedBy, string text, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        AwardId = award.Id,
        TenderId = award.TenderId,
        AgencyId = agencyId,
        LodgedBy = lodgedBy,
        Text = text.Trim(),
        LodgedAt = now,
    };

    /// <summary>The purchaser answers, once; the answer may come after the window closes (it holds the confirmation until then).</summary>
    public void Respond(string answer, string answeredBy, DateTimeOffset now)
    {
        if (IsAnswered)
        {
            throw new ConflictException(AwardCodes.ChallengeAlreadyAnswered);
        }

        Answer = answer.Trim();
        AnsweredBy = answeredBy;
        AnsweredAt = now;
    }
}
