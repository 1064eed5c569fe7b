using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Procurement.Contracts.Bidding;
using Procurement.Contracts.Contracting;
using Procurement.Contracts.Disbursement;
using Procurement.Contracts.Evaluation;
using Procurement.Contracts.Identity;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.OpenData;
using Procurement.Tendering.Data;
using Procurement.Tendering.Domain;

namespace Procurement.Tendering.OpenData;

/// <summary>
/// The open data's collector (issue 18 item 2): one release per public change of a process, written from the integration
/// event that announced the change, in the same transaction as the message's inbox record — so a release is written
/// exactly once, and none is lost however often the event is delivered. The event is raised at the moment the change
/// becomes public (DOMAIN.md §11), so nothing reaches the open data before its moment.
/// </summary>
/// <remarks>
/// A change can only be written once the process it belongs to is in the open data: a contract's later change waits for its
/// signature's release. A change that arrives first (from another service, or from an earlier process's history) is kept in
/// the backlog (<see cref="OcdsBacklogEntry"/>) and written when the contract is announced (<see cref="OpenDataBackfill"/>).
/// The same writer writes the history a service sends after an upgrade.
/// </remarks>
public abstract class OpenDataConsumer<TMessage>(TenderingDb db, TimeProvider clock, OpenDataLedger ledger, ILogger logger)
    : IdempotentConsumer<TenderingDb, TMessage>(db, clock, logger), IOpenDataWriter
    where TMessage : class
{
    /// <summary>A party's roles in every release it appears in, whole: merging replaces a list of roles, never adds to it.</summary>
    protected static readonly string[] BuyerRoles = ["buyer", "procuringEntity", "payer"];
    protected static readonly string[] TendererRoles = ["tenderer"];
    protected static readonly string[] WinnerRoles = ["tenderer", "supplier", "payee"];
    protected static readonly string[] RenewedSupplierRoles = ["supplier", "payee"];
    protected static readonly string[] EvaluatorRoles = ["evaluator"];

    protected OpenDataLedger Ledger { get; } = ledger;

    public Type MessageType => typeof(TMessage);

    protected sealed override async Task HandleAsync(TMessage message, ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} arrived without a message id.");
        var write = await WriteAsync(message, messageId, context.CancellationToken);
        if (write.WaitsFor is { } contractId)
        {
            // Kept, and written once the contract is announced (OpenDataBackfill).
            var occurredAt = context.SentTime is { } sent ? new DateTimeOffset(DateTime.SpecifyKind(sent, DateTimeKind.Utc)) : Clock.GetUtcNow();
            await Ledger.KeepAsync(message, messageId, occurredAt, contractId, context.CancellationToken);
        }
        else
        {
            // Written: a copy the history brought first has nothing left to do.
            await Ledger.DoneAsync(messageId, context.CancellationToken);
        }
    }

    public Task<OpenDataWrite> WriteAsync(object message, Guid messageId, CancellationToken cancellationToken) =>
        WriteAsync((TMessage)message, messageId, cancellationToken);

    /// <summary>
    /// Writes the release(s) of one change, unsaved, in the consumer's unit of work; the same change written again writes
    /// nothing (a release's id is the change's). Answers <see cref="OpenDataWrite.Done"/>, or the contract it waits for.
    /// </summary>
    protected abstract Task<OpenDataWrite> WriteAsync(TMessage message, Guid messageId, CancellationToken cancellationToken);

    protected ILogger Log { get; } = logger;

    protected string Base => Ledger.Options.Base;

    protected async Task<Tender?> PublishedTenderAsync(Guid tenderId, CancellationToken cancellationToken) =>
        await Db.Tenders.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tenderId && t.PublishedAt != null, cancellationToken);

    /// <summary>A release that says only how a tender ended (cancelled, unsuccessful) and why.</summary>
    protected Task AddTenderStatusAsync(
        Guid tenderId, string id, DateTimeOffset date, string tag, string status, string reason, CancellationToken cancellationToken)
    {
        var release = Ocds.Release(Ledger.Ocid(tenderId), id, date, tag);
        release["tender"] = new JsonObject { ["id"] = Ocds.Id(tenderId), ["status"] = status, ["statusDetails"] = reason };
        return Ledger.AddAsync(release, cancellationToken);
    }

    /// <summary>The winner's roles in a contract's releases: a direct renewal's supplier never tendered.</summary>
    protected static string[] SupplierRoles(OcdsContract contract) =>
        contract.AwardId == Ocds.RenewalId(contract.ContractId) ? RenewedSupplierRoles : WinnerRoles;

    /// <summary>A release about a contract the open data knows (signed and announced): its frame, its buyer and supplier.</summary>
    protected async Task<(JsonObject Release, JsonObject Contract)?> ContractReleaseAsync(
        Guid contractId, string id, DateTimeOffset date, string tag, CancellationToken cancellationToken)
    {
        if (await Ledger.ContractAsync(contractId, cancellationToken) is not { } known)
        {
            Log.LogInformation("Contract {ContractId} is not announced yet: its {Tag} waits in the open data's backlog", contractId, tag);
            return null;
        }

        var release = Ocds.Release(known.Ocid, id, date, tag);
        var buyer = await Ledger.PartyAsync(known.BuyerId, cancellationToken, BuyerRoles);
        var supplier = await Ledger.PartyAsync(known.SupplierId, cancellationToken, SupplierRoles(known));
        release["parties"] = Ocds.Array(buyer, supplier);
        release["buyer"] = Ocds.Reference(buyer);
        var contract = new JsonObject { ["id"] = Ocds.Id(contractId), ["awardID"] = known.AwardId };
        release["contracts"] = Ocds.Array(contract);
        return (release, contract);
    }
}

/// <summary>采购公告: the tender as published, with its documents.</summary>
public sealed class TenderPublishedOpenData(TenderingDb db, TimeProvider clock, OpenDataLedger ledger, ILogger<TenderPublishedOpenData> logger)
    : OpenDataConsumer<TenderPublished>(db, clock, ledger, logger)
{
    protected override async Task<OpenDataWrite> WriteAsync(TenderPublished message, Guid messageId, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var ocid = Ledger.Ocid(message.TenderId);
        var program = await Db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == message.ProgramId, ct);
        var release = Ocds.Release(ocid, "tender", message.PublishedAt, Ocds.Tags.Tender);
        var buyer = await Ledger.PartyAsync(message.PurchasingUnitId, ct, BuyerRoles);
        release["parties"] = Ocds.Array(buyer);
        release["buyer"] = Ocds.Reference(buyer);
        var (method, details) = Ocds.Method(message.ProcurementMethod);
        var documents = await Db.Documents.AsNoTracking().Where(d => d.TenderId == message.TenderId).ToListAsync(ct);
        var tender = new JsonObject
        {
            ["id"] = Ocds.Id(message.TenderId),
            ["title"] = message.Title,
            ["status"] = "active",
            ["procuringEntity"] = Ocds.Reference(buyer),
            ["procurementMethod"] = method,
            ["procurementMethodDetails"] = details,
            ["mainProcurementCategory"] = "services",
            ["value"] = Ocds.Value(message.BudgetCeiling),
            ["tenderPeriod"] = new JsonObject { ["startDate"] = OcdsPackage.OcdsDate(message.PublishedAt), ["endDate"] = OcdsPackage.OcdsDate(message.BidDeadline) },
            ["contractPeriod"] = Ocds.Period(message.ServiceStart, message.ServiceEnd),
            ["items"] = Ocds.Array(new JsonObject
            {
                ["id"] = "1",
                ["description"] = program is null ? message.Title : $"{program.Name} ({program.ServiceDomain})",
                ["quantity"] = 1,
            }),
            ["documents"] = new JsonArray([
                Announcement(message.TenderId, message.PublishedAt),
                .. documents.OrderBy(d => d.UploadedAt).Select(d => (JsonNode)Document(Base, d.TenderId, d.Id, d.FileName, d.UploadedAt))]),
        };
        if (!string.IsNullOrWhiteSpace(message.ServiceDescription))
        {
            tender["description"] = message.ServiceDescription;
        }

        if (message.Eligibility.Count > 0)
        {
            tender["eligibilityCriteria"] = string.Join("\n", message.Eligibility);
        }

        release["tender"] = tender;
        await Ledger.AddAsync(release, ct);
        return OpenDataWrite.Done;
    }

    private JsonObject Announcement(Guid tenderId, DateTimeOffset at) => new()
    {
        ["id"] = "announcement",
        ["documentType"] = "tenderNotice",
        ["title"] = "采购公告 Procurement announcement",
        ["url"] = $"{Base}/public/tenders/{tenderId:D}",
        ["datePublished"] = OcdsPackage.OcdsDate(at),
        ["format"] = "text/html",
        ["language"] = Ocds.Language,
    };

    internal static JsonObject Document(string baseUri, Guid tenderId, Guid documentId, string fileName, DateTimeOffset at) => new()
    {
        ["id"] = Ocds.Id(documentId),
        ["documentType"] = "biddingDocuments",
        ["title"] = fileName,
        ["url"] = $"{baseUri}/api/public/tenders/{tenderId:D}/documents/{documentId:D}",
        ["datePublished"] = OcdsPackage.OcdsDate(at),
    };
}

/// <summary>更正公告: an amendment of a published tender, with the terms it changed.</summary>
public sealed class TenderAmendedOpenData(TenderingDb db, TimeProvider clock, OpenDataLedger ledger, ILogger<TenderAmendedOpenData> logger)
    : OpenDataConsumer<TenderAmended>(db, clock, ledger, logger)
{
    protected override async Task<OpenDataWrite> WriteAsync(TenderAmended message, Guid messageId, CancellationToken cancellationToken)
    {
        var release = Ocds.Release(Ledger.Ocid(message.TenderId), $"amendment-{message.AmendmentNumber}", message.AmendedAt, Ocds.Tags.TenderAmendment);
        release["tender"] = new JsonObject
        {
            ["id"] = Ocds.Id(message.TenderId),
            ["value"] = Ocds.Value(message.BudgetCeiling),
            ["tenderPeriod"] = new JsonObject { ["endDate"] = OcdsPackage.OcdsDate(message.NewBidDeadline) },
            ["contractPeriod"] = Ocds.Period(message.ServiceStart, message.ServiceEnd),
            ["amendments"] = Ocds.Array(new JsonObject
            {
                ["id"] = message.AmendmentNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["date"] = OcdsPackage.OcdsDate(message.AmendedAt),
                ["description"] = message.Description,
                ["rationale"] = message.ChangedFields.Count == 0 ? message.Description : string.Join(", ", message.ChangedFields),
            }),
        };
        await Ledger.AddAsync(release, cancellationToken);
        return OpenDataWrite.Done;
    }
}

/// <summary>答疑: an answered question, published as a clarification; never who asked it.</summary>
public sealed class TenderClarifiedOpenData(TenderingDb db, TimeProvider clock, OpenDataLedger ledger, ILogger<TenderClarifiedOpenData> logger)
    : OpenDataConsumer<TenderClarified>(db, clock, ledger, logger)
{
    protected override async Task<OpenDataWrite> WriteAsync(TenderClarified message, Guid messageId, CancellationToken cancellationToken)
    {
        var release = Ocds.Release(Ledger.Ocid(message.TenderId), $"clarification-{message.QuestionId:D}", message.PublishedAt, Ocds.Tags.TenderUpdate);
        release["tender"] = new JsonObject
        {
            ["id"] = Ocds.Id(message.TenderId),
            ["tenderPeriod"] = new JsonObject { ["endDate"] = OcdsPackage.OcdsDate(message.BidDeadline) },
            ["documents"] = Ocds.Array(new JsonObject
            {
                ["id"] = $"clarification-{message.QuestionId:D}",
                ["documentType"] = "clarifications",
                ["title"] = "答疑 Answer to a question",
                ["description"] = $"{message.Question}\n— {message.Answer}",
                ["url"] = $"{Base}/public/tenders/{message.TenderId:D}",
                ["datePublished"] = OcdsPackage.OcdsDate(message.PublishedAt),
                ["format"] = "text/html",
                ["language"] = Ocds.Language,
            }),
        };
        await Ledger.AddAsync(release, cancellationToken);
        return OpenDataWrite.Done;
    }
}

/// <summary>A document added to a tender already published (one added to a draft goes out with the tender).</summary>
public sealed class TenderDocumentAddedOpenData(TenderingDb db, TimeProvider clock, OpenDataLedger ledger, ILogger<TenderDocumentAddedOpenData> logger)
    : OpenDataConsumer<TenderDocumentAdded>(db, clock, ledger, logger)
{
    protected override async Task<OpenDataWrite> WriteAsync(TenderDocumentAdded message, Guid messageId, CancellationToken cancellationToken)
    {
        if (await PublishedTenderAsync(message.TenderId, cancellationToken) is not { } tender || tender.PublishedAt > message.AddedAt)
        {
            return OpenDataWrite.Done;
        }

        var release = Ocds.Release(Ledger.Ocid(message.TenderId), $"document-{message.DocumentId:D}", message.AddedAt, Ocds.Tags.TenderUpdate);
        release["tender"] = new JsonObject
        {
            ["id"] = Ocds.Id(message.TenderId),
            ["documents"] = Ocds.Array(TenderPublishedOpenData.Document(Base, message.TenderId, message.DocumentId, message.FileName, message.AddedAt)),
        };
        await Ledger.AddAsync(release, cancellationToken);
        return OpenDataWrite.Done;
    }
}

/// <summary>终止公告: a published tender cancelled (a draft never published leaves nothing in the open data).</summary>
public sealed class TenderCancelledOpenData(TenderingDb db, TimeProvider clock, OpenDataLedger ledger, ILogger<TenderCancelledOpenData> logger)
    : OpenDataConsumer<TenderCancelled>(db, clock, ledger, logger)
{
    protected override async Task<OpenDataWrite> WriteAsync(TenderCancelled message, Guid messageId, CancellationToken cancellationToken)
    {
        if (await PublishedTenderAsync(message.TenderId, cancellationToken) is null)
        {
            return OpenDataWrite.Done;
        }

        await AddTenderStatusAsync(message.TenderId, "cancellation", message.CancelledAt, Ocds.Tags.TenderCancellation, "cancelled", message.Reason, cancellationToken);
        return OpenDataWrite.Done;
    }
}

/// <summary>
/// 开标记录: the opening record, once the bids are opened (DOMAIN.md §5, §11): who bid and at what price, each bid
/// <c>pending</c> (opened, not yet evaluated) in the bid extension's <c>bids.details</c>. Scores wait for the result.
/// </summary>
public sealed class BidsOpenedOpenData(TenderingDb db, TimeProvider clock, OpenDataLedger ledger, ILogger<BidsOpenedOpenData> logger)
    : OpenDataConsumer<BidsOpened>(db, clock, ledger, logger)
{
    /// <summary>The id of a process's opening release, which the award's release reads its bids from.</summary>
    internal const string ReleaseId = "opening";

    protected override async Task<OpenDataWrite> WriteAsync(BidsOpened message, Guid messageId, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var release = Ocds.Release(Ledger.Ocid(message.TenderId), ReleaseId, message.OpenedAt, Ocds.Tags.TenderUpdate);
        var parties = new JsonArray();
        var tenderers = new JsonArray();
        var bids = new List<JsonObject>();
        // One live bid per agency and tender (Bidding's unique index); a party is listed once whatever comes.
        foreach (var bid in message.Bids.DistinctBy(b => b.AgencyId))
        {
            await Ledger.NameAsync(bid.AgencyId, bid.AgencyName, null, ct);
            var party = Ocds.Party(bid.AgencyId, bid.AgencyName, null, TendererRoles);
            parties.Add(party);
            tenderers.Add(Ocds.Reference(party));
            var detail = Ocds.Bid(bid.BidId, Ocds.BidStatus.Pending, party, bid.Price);
            detail["date"] = OcdsPackage.OcdsDate(bid.SubmittedAt);
            bids.Add(detail);
        }

        release["parties"] = parties;
        release["tender"] = new JsonObject
        {
            ["id"] = Ocds.Id(message.TenderId), ["numberOfTenderers"] = tenderers.Count, ["tenderers"] = tenderers,
        };
        release["bids"] = Ocds.Bids(bids, "bids", bids.Count, message.OpenedAt);
        await Ledger.AddAsync(release, ct);
        return OpenDataWrite.Done;
    }
}

/// <summary>流标: too few valid bids.</summary>
public sealed class TenderFailedOpenData(TenderingDb db, TimeProvider clock, OpenDataLedger ledger, ILogger<TenderFailedOpenData> logger)
    : OpenDataConsumer<TenderFailed>(db, clock, ledger, logger)
{
    protected override async Task<OpenDataWrite> WriteAsync(TenderFailed message, Guid messageId, CancellationToken cancellationToken)
    {
        await AddTenderStatusAsync(message.TenderId, "failure", message.FailedAt, Ocds.Tags.TenderUpdate, "unsuccessful", message.Reason, cancellationToken);
        return OpenDataWrite.Done;
    }
}

/// <summary>
/// 中标/成交结果公告: the award as announced; pending while the challenge window runs. With it the ranking becomes
/// public (DOMAIN.md §11): each valid bid with its rank, price score and total (the evaluator extension's
/// <c>Bid.evaluation</c>), and the opened bids left out of the ranking as <c>disqualified</c> — the announcement gives
/// their number, and the opening record and the ranking name them; their reasons are their agencies' own and stay out.
/// A message from before the event carried the ranking gives the award alone, as it did then.
/// </summary>
public sealed class AwardPublishedOpenData(TenderingDb db, TimeProvider clock, OpenDataLedger ledger, ILogger<AwardPublishedOpenData> logger)
    : OpenDataConsumer<AwardPublished>(db, clock, ledger, logger)
{
    protected override async Task<OpenDataWrite> WriteAsync(AwardPublished message, Guid messageId, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        await Ledger.NameAsync(message.AgencyId, message.AgencyName, null, ct);
        var ocid = Ledger.Ocid(message.TenderId);
        var release = Ocds.Release(ocid, $"award-{message.AwardId:D}", message.PublishedAt, Ocds.Tags.Award);
        var supplier = await Ledger.PartyAsync(message.AgencyId, ct, WinnerRoles);
        release["parties"] = Ocds.Array(supplier);
        release["tender"] = new JsonObject { ["id"] = Ocds.Id(message.TenderId), ["status"] = "complete" };
        var award = new JsonObject
        {
            ["id"] = Ocds.Id(message.AwardId),
            ["title"] = "中标/成交结果公告 Result announcement",
            ["status"] = "pending",
            ["date"] = OcdsPackage.OcdsDate(message.PublishedAt),
            ["value"] = Ocds.Value(message.Amount),
            ["suppliers"] = Ocds.Array(Ocds.Reference(supplier)),
            ["documents"] = Ocds.Array(new JsonObject
            {
                ["id"] = $"result-{message.AwardId:D}",
                ["documentType"] = "awardNotice",
                ["title"] = "中标/成交结果公告 Result announcement",
                ["url"] = $"{Base}/public/tenders/{message.TenderId:D}",
                ["datePublished"] = OcdsPackage.OcdsDate(message.PublishedAt),
                ["format"] = "text/html",
                ["language"] = Ocds.Language,
            }),
        };
        release["awards"] = Ocds.Array(award);
        if (message.Ranking is { } ranking)
        {
            award["relatedBid"] = Ocds.Id(message.BidId);
            release["bids"] = await RankedBidsAsync(ocid, ranking, release["parties"]!.AsArray(), message.PublishedAt, ct);
        }

        await Ledger.AddAsync(release, ct);
        return OpenDataWrite.Done;
    }

    /// <summary>The ranked bids with their scores, and the opened bids the ranking leaves out as disqualified.</summary>
    private async Task<JsonObject> RankedBidsAsync(
        string ocid, IReadOnlyList<RankedBid> ranking, JsonArray parties, DateTimeOffset publishedAt, CancellationToken ct)
    {
        var details = new List<JsonObject>();
        foreach (var ranked in ranking.OrderBy(r => r.Rank))
        {
            await Ledger.NameAsync(ranked.AgencyId, ranked.AgencyName, null, ct);
            var party = parties.OfType<JsonObject>().FirstOrDefault(p => (string?)p["id"] == Ocds.Id(ranked.AgencyId));
            if (party is null)
            {
                party = await Ledger.PartyAsync(ranked.AgencyId, ct, TendererRoles);
                parties.Add(party);
            }

            var bid = Ocds.Bid(ranked.BidId, Ocds.BidStatus.Valid, party, ranked.Price);
            var evaluation = new JsonObject { ["rank"] = ranked.Rank };
            if (ranked.PriceScore is { } priceScore)
            {
                evaluation["priceScore"] = priceScore;
            }

            evaluation["total"] = ranked.Total;
            bid["evaluation"] = evaluation;
            details.Add(bid);
        }

        var rankedIds = ranking.Select(r => Ocds.Id(r.BidId)).ToHashSet(StringComparer.Ordinal);
        foreach (var opened in await Ledger.BidIdsAsync(ocid, BidsOpenedOpenData.ReleaseId, ct))
        {
            if (!rankedIds.Contains(opened))
            {
                details.Add(new JsonObject { ["id"] = opened, ["status"] = Ocds.BidStatus.Disqualified });
            }
        }

        return Ocds.Bids(details, "validBids", ranking.Count, publishedAt);
    }
}

/// <summary>The challenge window closed with the award standing: it is in force.</summary>
public sealed class AwardConfirmedOpenData(TenderingDb db, TimeProvider clock, OpenDataLedger ledger, ILogger<AwardConfirmedOpenData> logger)
    : OpenDataConsumer<AwardConfirmed>(db, clock, ledger, logger)
{
    protected override async Task<OpenDataWrite> WriteAsync(AwardConfirmed message, Guid messageId, CancellationToken cancellationToken)
    {
        var release = Ocds.Release(Ledger.Ocid(message.TenderId), $"award-{message.AwardId:D}-confirmed", message.ConfirmedAt, Ocds.Tags.AwardUpdate);
        release["awards"] = Ocds.Array(new JsonObject
        {
            ["id"] = Ocds.Id(message.AwardId),
            ["status"] = "active",
            ["contractPeriod"] = Ocds.Period(message.ServiceStart, message.ServiceEnd),
        });
        await Ledger.AddAsync(release, cancellationToken);
        return OpenDataWrite.Done;
    }
}

/// <summary>
/// 合同公告: the contract once both parties signed, with its three-year cap as <c>maxExtentDate</c>. A direct renewal is a
/// process of its own (its ocid is the contract's), with the award it was; a successor and its predecessor point at each
/// other through <c>relatedProcesses</c> (<c>prior</c> / <c>renewalProcess</c>).
/// </summary>
public sealed class ContractSignedOpenData(TenderingDb db, TimeProvider clock, OpenDataLedger ledger, ILogger<ContractSignedOpenData> logger)
    : OpenDataConsumer<ContractSigned>(db, clock, ledger, logger)
{
    protected override async Task<OpenDataWrite> WriteAsync(ContractSigned message, Guid messageId, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var renewal = message.TenderId is null;
        var ocid = Ledger.Ocid(message.TenderId ?? message.ContractId);
        var awardId = message.AwardId is { } award ? Ocds.Id(award)
            : renewal ? Ocds.RenewalId(message.ContractId)
            : await Ledger.AwardIdAsync(ocid, ct) ?? $"contract-{message.ContractId:D}";
        await Ledger.NameAsync(message.AgencyId, message.AgencyName, null, ct);
        var known = new OcdsContract
        {
            ContractId = message.ContractId, Ocid = ocid, AwardId = awardId, BuyerId = message.PurchasingUnitId, SupplierId = message.AgencyId,
        };
        if (await Ledger.ContractAsync(message.ContractId, ct) is null)
        {
            Ledger.Remember(known);
        }

        var release = Ocds.Release(ocid, $"contract-{message.ContractId:D}-signed", message.SignedAt, Ocds.Tags.Contract);
        var buyer = await Ledger.PartyAsync(message.PurchasingUnitId, ct, BuyerRoles);
        var supplier = await Ledger.PartyAsync(message.AgencyId, ct, SupplierRoles(known));
        release["parties"] = Ocds.Array(buyer, supplier);
        release["buyer"] = Ocds.Reference(buyer);
        var tender = await Db.Tenders.AsNoTracking().FirstOrDefaultAsync(t => t.Id == message.TenderId, ct);
        var title = tender?.Title ?? "续签合同 Direct renewal";
        if (renewal)
        {
            release["tender"] = new JsonObject
            {
                ["id"] = Ocds.RenewalId(message.ContractId),
                ["title"] = title,
                ["status"] = "complete",
                ["procuringEntity"] = Ocds.Reference(buyer),
                ["procurementMethod"] = "direct",
                ["procurementMethodDetails"] = "续签 Direct renewal (DOMAIN.md §2)",
                ["mainProcurementCategory"] = "services",
            };
            release["awards"] = Ocds.Array(new JsonObject
            {
                ["id"] = awardId,
                ["status"] = "active",
                ["date"] = OcdsPackage.OcdsDate(message.SignedAt),
                ["value"] = Ocds.Value(message.Amount),
                ["suppliers"] = Ocds.Array(Ocds.Reference(supplier)),
            });
        }

        release["contracts"] = Ocds.Array(new JsonObject
        {
            ["id"] = Ocds.Id(message.ContractId),
            ["awardID"] = awardId,
            ["title"] = title,
            ["status"] = "active",
            ["period"] = Ocds.Period(message.Start, message.End, message.MaxExtentDate),
            ["value"] = Ocds.Value(message.Amount),
            ["dateSigned"] = OcdsPackage.OcdsDate(message.SignedAt),
            ["documents"] = Ocds.Array(new JsonObject
            {
                ["id"] = $"contract-{message.ContractId:D}",
                ["documentType"] = "contractSigned",
                ["title"] = "合同公告 Contract announcement",
                ["url"] = $"{Base}/public/contracts/{message.ContractId:D}",
                ["datePublished"] = OcdsPackage.OcdsDate(message.SignedAt),
                ["format"] = "text/html",
                ["language"] = Ocds.Language,
            }),
        });

        if (message.PredecessorId is { } predecessorId && await Ledger.ContractAsync(predecessorId, ct) is { } predecessor && predecessor.Ocid != ocid)
        {
            release["relatedProcesses"] = Ocds.Array(Related(predecessorId, "prior", predecessor.Ocid));
            var back = Ocds.Release(predecessor.Ocid, $"renewal-{message.ContractId:D}", message.SignedAt, Ocds.Tags.ContractUpdate);
            back["relatedProcesses"] = Ocds.Array(Related(message.ContractId, "renewalProcess", ocid));
            await Ledger.AddAsync(back, ct);
        }

        await Ledger.AddAsync(release, ct);
        return OpenDataWrite.Done;
    }

    private JsonObject Related(Guid contractId, string relationship, string ocid) => new()
    {
        ["id"] = $"{relationship}-{contractId:D}",
        ["relationship"] = Ocds.Array(relationship),
        ["title"] = relationship == "prior" ? "前序合同 The contract renewed" : "续签合同 The renewal",
        ["scheme"] = "ocid",
        ["identifier"] = ocid,
        ["uri"] = $"{Base}/api/public/ocds/records/{ocid}",
    };
}

/// <summary>合同变更: a new signed version of a contract's terms (an amendment, or a bridge extension of its end).</summary>
public sealed class ContractAmendedOpenData(TenderingDb db, TimeProvider clock, OpenDataLedger ledger, ILogger<ContractAmendedOpenData> logger)
    : OpenDataConsumer<ContractAmended>(db, clock, ledger, logger)
{
    protected override async Task<OpenDataWrite> WriteAsync(ContractAmended message, Guid messageId, CancellationToken cancellationToken)
    {
        var id = $"contract-{message.ContractId:D}-v{message.Version}";
        if (await ContractReleaseAsync(message.ContractId, id, message.AmendedAt, Ocds.Tags.ContractAmendment, cancellationToken) is not (JsonObject release, JsonObject contract))
        {
            return OpenDataWrite.WaitFor(message.ContractId);
        }

        contract["value"] = Ocds.Value(message.Amount);
        contract["period"] = new JsonObject { ["endDate"] = Ocds.DayEnd(message.End) };
        contract["amendments"] = Ocds.Array(new JsonObject
        {
            ["id"] = $"v{message.Version}",
            ["date"] = OcdsPackage.OcdsDate(message.AmendedAt),
            ["rationale"] = message.BridgeMonths is { } months ? $"过渡期延续 Bridge extension of {months} month(s)" : message.ReasonCode,
            ["description"] = message.Text,
        });
        await Ledger.AddAsync(release, cancellationToken);
        return OpenDataWrite.Done;
    }
}

/// <summary>终止/履约完成: a contract ended, completed or terminated early (with the reason given).</summary>
public sealed class ContractEndedOpenData(TenderingDb db, TimeProvider clock, OpenDataLedger ledger, ILogger<ContractEndedOpenData> logger)
    : OpenDataConsumer<ContractEnded>(db, clock, ledger, logger)
{
    protected override async Task<OpenDataWrite> WriteAsync(ContractEnded message, Guid messageId, CancellationToken cancellationToken)
    {
        var id = $"contract-{message.ContractId:D}-{message.Outcome.ToLowerInvariant()}";
        if (await ContractReleaseAsync(message.ContractId, id, message.EndedAt, Ocds.Tags.ContractTermination, cancellationToken) is not (JsonObject release, JsonObject contract))
        {
            return OpenDataWrite.WaitFor(message.ContractId);
        }

        contract["status"] = "terminated";
        contract["statusDetails"] = message.Reason is null ? message.Outcome : $"{message.Outcome}: {message.Reason}";
        await Ledger.AddAsync(release, cancellationToken);
        return OpenDataWrite.Done;
    }
}

/// <summary>
/// 合同暂停 / 恢复履行: a signed contract suspended, or resumed (DOMAIN.md §7, §11), taken from the transition itself
/// (<see cref="ContractStateChanged"/>, triggers <c>Suspend</c> and <c>Resume</c>); every other transition has a release of
/// its own event or none. A <c>contractUpdate</c>: the contract changed without new terms (no version, so no
/// <c>contractAmendment</c>). The change is an event of the contract's implementation, so it is a milestone of
/// <c>implementation.milestones</c> (<c>contracts[].milestones</c> are those of the contract's finalisation, before
/// signature): of type <c>delivery</c> (it is the service's delivery that stops and starts again), with a <c>code</c> that
/// says which, met on the day, with the reason given for a suspension and never who fired it. The contract's <c>status</c> stays <c>active</c>: OCDS's closed
/// <c>contractStatus</c> has no suspended state, and a suspended contract is still in force.
/// </summary>
public sealed class ContractStateChangedOpenData(TenderingDb db, TimeProvider clock, OpenDataLedger ledger, ILogger<ContractStateChangedOpenData> logger)
    : OpenDataConsumer<ContractStateChanged>(db, clock, ledger, logger)
{
    /// <summary>The transitions published here, as Contracting names its triggers, with the milestone each gives.</summary>
    private static readonly Dictionary<string, (string Code, string Title)> Published = new(StringComparer.Ordinal)
    {
        ["Suspend"] = ("contractSuspended", "合同暂停 Contract suspended"),
        ["Resume"] = ("contractResumed", "合同恢复履行 Contract resumed"),
    };

    protected override async Task<OpenDataWrite> WriteAsync(ContractStateChanged message, Guid messageId, CancellationToken cancellationToken)
    {
        if (!Published.TryGetValue(message.Trigger, out var change))
        {
            return OpenDataWrite.Done;
        }

        // The message id is the transition's outbox row: two suspensions in one instant (a stopped clock) stay two.
        var id = $"{change.Code}-{messageId:D}";
        if (await ContractReleaseAsync(message.ContractId, $"contract-{message.ContractId:D}-{id}", message.OccurredAt, Ocds.Tags.ContractUpdate,
                cancellationToken) is not (JsonObject release, JsonObject contract))
        {
            return OpenDataWrite.WaitFor(message.ContractId);
        }

        var date = OcdsPackage.OcdsDate(message.OccurredAt);
        var milestone = new JsonObject
        {
            ["id"] = id,
            ["title"] = change.Title,
            ["type"] = "delivery",
            ["code"] = change.Code,
            ["status"] = "met",
            ["dateMet"] = date,
            ["dateModified"] = date,
        };
        if (!string.IsNullOrWhiteSpace(message.Reason))
        {
            milestone["description"] = message.Reason;
        }

        contract["implementation"] = new JsonObject { ["milestones"] = Ocds.Array(milestone) };
        await Ledger.AddAsync(release, cancellationToken);
        return OpenDataWrite.Done;
    }
}

/// <summary>资金拨付: an instalment paid, as a transaction of the contract's implementation.</summary>
public sealed class InstalmentPaidOpenData(TenderingDb db, TimeProvider clock, OpenDataLedger ledger, ILogger<InstalmentPaidOpenData> logger)
    : OpenDataConsumer<InstalmentPaid>(db, clock, ledger, logger)
{
    protected override async Task<OpenDataWrite> WriteAsync(InstalmentPaid message, Guid messageId, CancellationToken cancellationToken)
    {
        var id = $"payment-{message.InstalmentId:D}";
        if (await ContractReleaseAsync(message.ContractId, id, message.OccurredAt, Ocds.Tags.Implementation, cancellationToken) is not (JsonObject release, JsonObject contract))
        {
            return OpenDataWrite.WaitFor(message.ContractId);
        }

        var parties = release["parties"]!.AsArray();
        contract["implementation"] = new JsonObject
        {
            ["transactions"] = Ocds.Array(new JsonObject
            {
                ["id"] = Ocds.Id(message.InstalmentId),
                ["date"] = Ocds.DayStart(message.PaidOn),
                ["value"] = Ocds.Value(message.Amount),
                ["payer"] = Ocds.Reference(parties[0]!.AsObject()),
                ["payee"] = Ocds.Reference(parties[1]!.AsObject()),
            }),
        };
        await Ledger.AddAsync(release, cancellationToken);
        return OpenDataWrite.Done;
    }
}

/// <summary>绩效评估: a third-party evaluation as a milestone of the contract (the evaluator extension).</summary>
public sealed class PerformanceEvaluatedOpenData(TenderingDb db, TimeProvider clock, OpenDataLedger ledger, ILogger<PerformanceEvaluatedOpenData> logger)
    : OpenDataConsumer<PerformanceEvaluated>(db, clock, ledger, logger)
{
    protected override async Task<OpenDataWrite> WriteAsync(PerformanceEvaluated message, Guid messageId, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var id = $"evaluation-{message.PerformanceEvaluationId:D}";
        if (await ContractReleaseAsync(message.ContractId, id, message.EvaluatedAt, Ocds.Tags.Implementation, ct) is not (JsonObject release, JsonObject contract))
        {
            return OpenDataWrite.WaitFor(message.ContractId);
        }

        var evaluation = new JsonObject
        {
            ["stage"] = message.Stage == "MidTerm" ? "midTerm" : "final",
            ["score"] = message.Score,
            ["grade"] = message.Grade,
        };
        if (message.EvaluatorOrganisationId is { } evaluatorId)
        {
            var evaluator = await Ledger.PartyAsync(evaluatorId, ct, EvaluatorRoles);
            release["parties"]!.AsArray().Add(evaluator);
            evaluation["evaluator"] = Ocds.Reference(evaluator);
        }

        var milestone = new JsonObject
        {
            ["id"] = Ocds.Id(message.PerformanceEvaluationId),
            ["title"] = message.Stage == "MidTerm" ? "中期绩效评估 Mid-term performance evaluation" : "末期绩效评估 Final performance evaluation",
            ["type"] = "assessment",
            ["status"] = message.Passed ? "met" : "notMet",
            ["dateModified"] = OcdsPackage.OcdsDate(message.EvaluatedAt),
            ["evaluation"] = evaluation,
        };
        if (message.Passed)
        {
            milestone["dateMet"] = OcdsPackage.OcdsDate(message.EvaluatedAt);
        }

        contract["implementation"] = new JsonObject { ["milestones"] = Ocds.Array(milestone) };
        await Ledger.AddAsync(release, ct);
        return OpenDataWrite.Done;
    }
}

/// <summary>Agencies' names, as they registered.</summary>
public sealed class AgencyRegisteredOpenData(TenderingDb db, TimeProvider clock, OpenDataLedger ledger, ILogger<AgencyRegisteredOpenData> logger)
    : OpenDataConsumer<AgencyRegistered>(db, clock, ledger, logger)
{
    protected override async Task<OpenDataWrite> WriteAsync(AgencyRegistered message, Guid messageId, CancellationToken cancellationToken)
    {
        await Ledger.NameAsync(message.AgencyId, message.Name, null, cancellationToken);
        return OpenDataWrite.Done;
    }
}

/// <summary>Other organisations' names (purchasing units, evaluators), as Identity lists them.</summary>
public sealed class OrganisationsListedOpenData(TenderingDb db, TimeProvider clock, OpenDataLedger ledger, ILogger<OrganisationsListedOpenData> logger)
    : OpenDataConsumer<OrganisationsListed>(db, clock, ledger, logger)
{
    protected override async Task<OpenDataWrite> WriteAsync(OrganisationsListed message, Guid messageId, CancellationToken cancellationToken)
    {
        foreach (var organisation in message.Organisations)
        {
            await Ledger.NameAsync(organisation.OrganisationId, organisation.Name, organisation.Region, cancellationToken);
        }

        return OpenDataWrite.Done;
    }
}
