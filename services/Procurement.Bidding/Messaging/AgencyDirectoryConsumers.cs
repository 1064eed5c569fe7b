using MassTransit;
using Microsoft.EntityFrameworkCore;
using Procurement.Bidding.Data;
using Procurement.Bidding.Domain;
using Procurement.Contracts.Identity;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.Time;

namespace Procurement.Bidding.Messaging;

/// <summary>
/// An agency that registered itself in Identity and confirmed its e-mail gets its profile here at once, with the
/// registering person as its contact, so it can bid without typing its profile twice. A profile with that id already
/// there (the agency typed its own since, or the event came twice) is left as it is. A code another agency's profile
/// already holds (typed by hand before Identity kept one code per agency) is not taken from it: the event is logged
/// and the new agency types its profile itself, where the conflict is answered.
/// </summary>
public sealed class AgencyRegisteredConsumer(BiddingDb db, TimeProvider clock, ILogger<AgencyRegisteredConsumer> logger)
    : IdempotentConsumer<BiddingDb, AgencyRegistered>(db, clock, logger)
{
    protected override async Task HandleAsync(AgencyRegistered message, ConsumeContext<AgencyRegistered> context)
    {
        var ct = context.CancellationToken;
        if (await Db.Agencies.AnyAsync(a => a.Id == message.AgencyId, ct))
        {
            return;
        }

        if (!UnifiedSocialCreditCode.TryParse(message.UnifiedSocialCreditCode, out var code))
        {
            logger.LogWarning("Agency {AgencyId} registered with a code Bidding does not accept; its profile is left for it to type", message.AgencyId);
            return;
        }

        if (await Db.Agencies.AnyAsync(a => a.UnifiedSocialCreditCode == code, ct))
        {
            logger.LogWarning("Agency {AgencyId} registered with code {Code}, which another agency's profile holds; its profile is left for it to type",
                message.AgencyId, code.Value);
            return;
        }

        var profile = new AgencyProfile(
            message.Name, code, message.RegistrationDate, message.Address,
            [AgencyContact.Create(message.ContactName, message.ContactPhone, message.ContactEmail)]);
        var now = Clock.GetUtcNow();
        var today = now.ShanghaiDate();
        Db.Agencies.Add(Agency.Register(message.AgencyId, profile, today < message.RegistrationDate ? message.RegistrationDate : today, now));
    }
}

/// <summary>The administrator suspended the agency's registration: it may not bid until reinstated. An agency without a profile has nothing to suspend.</summary>
public sealed class AgencySuspendedConsumer(BiddingDb db, TimeProvider clock, ILogger<AgencySuspendedConsumer> logger)
    : IdempotentConsumer<BiddingDb, AgencySuspended>(db, clock, logger)
{
    protected override async Task HandleAsync(AgencySuspended message, ConsumeContext<AgencySuspended> context)
    {
        var agency = await Db.Agencies.FirstOrDefaultAsync(a => a.Id == message.AgencyId, context.CancellationToken);
        agency?.Suspend(message.Reason, message.OccurredAt);
    }
}

/// <summary>The administrator lifted the suspension: the agency bids again.</summary>
public sealed class AgencyReinstatedConsumer(BiddingDb db, TimeProvider clock, ILogger<AgencyReinstatedConsumer> logger)
    : IdempotentConsumer<BiddingDb, AgencyReinstated>(db, clock, logger)
{
    protected override async Task HandleAsync(AgencyReinstated message, ConsumeContext<AgencyReinstated> context)
    {
        var agency = await Db.Agencies.FirstOrDefaultAsync(a => a.Id == message.AgencyId, context.CancellationToken);
        agency?.Reinstate(message.OccurredAt);
    }
}
