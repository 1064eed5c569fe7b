using Procurement.Portal.Client;
using Procurement.Portal.Components.Public;
using Procurement.Portal.Public;

namespace Procurement.Portal.Tests.Public;

/// <summary>
/// The public announcement pages: plain HTML for anyone (no sign-in, no script), with the filter kept in every link so
/// that an address is stable and a search engine or a reader can follow it.
/// </summary>
public sealed class The_public_announcement_pages : PortalContext
{
    private static readonly Guid TenderId = Guid.Parse("5b0c5a0e-2f3a-4f5e-9a55-0a7b1e2c3d4e");

    private static PublicTenderSummary Summary(TenderStatus status = TenderStatus.Published) => new()
    {
        Id = TenderId,
        Title = "示范区居家养老服务",
        ProgramId = Guid.NewGuid(),
        ProgramName = "居家养老",
        Region = "示范区",
        ServiceDomain = ServiceDomain.Elderly,
        PurchasingUnitId = Guid.NewGuid(),
        ProcurementMethod = ProcurementMethod.PublicTender,
        BudgetCeiling = 1234567.5m,
        BidDeadline = new DateTimeOffset(2026, 12, 30, 9, 0, 0, TimeSpan.Zero),
        ServiceStart = new DateOnly(2027, 2, 1),
        ServiceEnd = new DateOnly(2028, 1, 31),
        Status = status,
        PublishedAt = new DateTimeOffset(2026, 12, 5, 2, 0, 0, TimeSpan.Zero),
        Amendments = 1,
    };

    private static PublicTenderAnnouncement Announcement(TenderStatus status = TenderStatus.Published) => new()
    {
        Tender = Summary(status),
        ServiceDescription = "为辖区老人提供上门服务",
        Eligibility = ["依法登记的社会组织"],
        Kpis = [],
        AmendmentHistory =
        [
            new AmendmentView
            {
                Number = 1, Description = "预算上调", DeadlineMoved = true,
                PreviousBidDeadline = new DateTimeOffset(2026, 12, 25, 9, 0, 0, TimeSpan.Zero),
                NewBidDeadline = new DateTimeOffset(2026, 12, 30, 9, 0, 0, TimeSpan.Zero),
                AmendedAt = new DateTimeOffset(2026, 12, 6, 2, 0, 0, TimeSpan.Zero),
                ChangedFields = ["budgetCeiling"],
            },
        ],
        Answers = [new PublicAnswer { Question = "是否包含交通？", Answer = "包含区内交通。", AnsweredAt = new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero) }],
        Documents = [new DocumentView { Id = Guid.Parse("0d0c0b0a-0000-4000-8000-000000000001"), FileName = "采购文件.pdf", Size = 2048, Sha256 = "ab12" }],
        CancelledAt = status == TenderStatus.Cancelled ? new DateTimeOffset(2026, 12, 8, 2, 0, 0, TimeSpan.Zero) : null,
        CancellationReason = status == TenderStatus.Cancelled ? "预算调整" : null,
    };

    [Fact]
    public void The_list_links_each_announcement_shows_its_budget_in_yuan_and_its_deadline_in_beijing_time()
    {
        var filter = new PublicListFilter("示范区", null, ServiceDomain.Elderly, null, null, 1);
        var found = new PublicPageOfPublicTenderSummary { Items = [Summary()], Page = 1, PageSize = 20, Total = 1 };

        var page = Render<PublicTenderList>(p => p.Add(x => x.Filter, filter).Add(x => x.Found, found));

        var row = page.Find("[data-testid=public-tender-row]");
        row.QuerySelector("[data-testid=public-tender-link]")!.GetAttribute("href").Should().Be($"/public/tenders/{TenderId}");
        row.TextContent.Should().Contain("¥1,234,567.50").And.Contain("2026-12-30 17:00").And.Contain("公告中（接受投标）").And.Contain("更正 1 次");
        page.Find("[data-testid=filter-region]").GetAttribute("value").Should().Be("示范区");
        page.Find("[data-testid=filter-domain] option[selected]").GetAttribute("value").Should().Be("Elderly");
        page.FindAll("[data-testid=public-next]").Should().BeEmpty("one page only");
        page.Find("link[hreflang=en]").GetAttribute("href").Should().Be("/public/tenders?region=%E7%A4%BA%E8%8C%83%E5%8C%BA&serviceDomain=Elderly&culture=en");
    }

    [Fact]
    public void The_list_says_the_result_is_published_while_the_challenge_window_runs_not_evaluating()
    {
        var filter = new PublicListFilter(null, null, null, null, null, 1);
        var evaluating = Summary(TenderStatus.Evaluating);
        var published = Summary(TenderStatus.Evaluating);
        published.Id = Guid.NewGuid();
        published.ResultPublishedAt = new DateTimeOffset(2026, 12, 20, 2, 0, 0, TimeSpan.Zero);
        var found = new PublicPageOfPublicTenderSummary { Items = [evaluating, published], Page = 1, PageSize = 20, Total = 2 };

        var page = Render<PublicTenderList>(p => p.Add(x => x.Filter, filter).Add(x => x.Found, found));

        page.FindAll("[data-testid=public-tender-status]").Select(s => s.TextContent).Should().Equal("评审中", "结果公示中（质疑期内）");
    }

    [Fact]
    public void Paging_links_keep_the_filter()
    {
        var filter = new PublicListFilter("示范区", null, null, new DateOnly(2026, 12, 1), null, 2);
        var found = new PublicPageOfPublicTenderSummary { Items = [Summary()], Page = 2, PageSize = 20, Total = 45 };

        var page = Render<PublicTenderList>(p => p.Add(x => x.Filter, filter).Add(x => x.Found, found));

        page.Find("[data-testid=public-previous]").GetAttribute("href").Should().Be("/public/tenders?region=%E7%A4%BA%E8%8C%83%E5%8C%BA&from=2026-12-01");
        page.Find("[data-testid=public-next]").GetAttribute("href").Should().Be("/public/tenders?region=%E7%A4%BA%E8%8C%83%E5%8C%BA&from=2026-12-01&page=3");
        page.Find("[data-testid=public-paging]").TextContent.Should().Contain("第 2 页，共 3 页（45 条）");
    }

    [Fact]
    public void The_contract_list_shows_program_region_domain_agency_amount_period_and_keeps_its_filter_in_its_links()
    {
        var contractId = Guid.Parse("7a1f0c2e-1b2c-4d3e-8f40-5a6b7c8d9e0f");
        var filter = new PublicListFilter("示范区", null, ServiceDomain.Elderly, new DateOnly(2026, 12, 1), null, 1, PublicPages.ContractsPath);
        var found = new PublicContractPage
        {
            Items =
            [
                new PublicContractSummary
                {
                    Id = contractId, AgencyId = Guid.NewGuid(), AgencyName = "阳光社工服务中心", Amount = 450000m, PurchasingUnitId = Guid.NewGuid(),
                    Start = new DateOnly(2027, 2, 1), End = new DateOnly(2028, 1, 31), State = ContractState.Active,
                    SignedAt = new DateTimeOffset(2026, 12, 20, 16, 30, 0, TimeSpan.Zero),
                    ProgramName = "居家养老", Region = "示范区", ServiceDomain = ServiceDomain.Elderly,
                },
            ],
            Page = 1, PageSize = 20, Total = 21,
        };

        var page = Render<PublicContractList>(p => p.Add(x => x.Filter, filter).Add(x => x.Found, found));

        var row = page.Find("[data-testid=public-contract-row]");
        row.QuerySelector("[data-testid=public-contract-link]")!.GetAttribute("href").Should().Be($"/public/contracts/{contractId}");
        row.TextContent.Should().Contain("居家养老").And.Contain("示范区").And.Contain("阳光社工服务中心").And.Contain("¥450,000.00")
            .And.Contain("2027-02-01 – 2028-01-31").And.Contain("2026-12-21 00:30", "signed at 16:30 UTC, past midnight in Beijing");
        page.Find("form[data-testid=public-filter]").GetAttribute("action").Should().Be("/public/contracts");
        page.Find("[data-testid=filter-domain] option[selected]").GetAttribute("value").Should().Be("Elderly");
        page.Find("[data-testid=public-next]").GetAttribute("href")
            .Should().Be("/public/contracts?region=%E7%A4%BA%E8%8C%83%E5%8C%BA&serviceDomain=Elderly&from=2026-12-01&page=2");
        page.Find("[data-testid=public-contracts-link]").GetAttribute("href").Should().Be("/public/contracts", "every public page links the contract list");
        page.FindAll("script").Should().BeEmpty("a public page is plain HTML");
    }

    [Fact]
    public void An_empty_contract_list_says_so()
    {
        var page = Render<PublicContractList>(p => p
            .Add(x => x.Filter, new PublicListFilter(null, null, null, null, null, 1, PublicPages.ContractsPath))
            .Add(x => x.Found, new PublicContractPage { Items = [], Page = 1, PageSize = 20, Total = 0 }));

        page.Find("[data-testid=public-empty]").TextContent.Should().Be("没有符合条件的合同公告。");
        page.FindAll("[data-testid=public-contract-row]").Should().BeEmpty();
    }

    [Fact]
    public void A_refused_filter_is_said_on_the_list_page_and_nothing_else_is_listed()
    {
        var page = Render<PublicTenderList>(p => p
            .Add(x => x.Filter, new PublicListFilter(null, null, null, new DateOnly(2026, 12, 5), new DateOnly(2026, 12, 1), 1))
            .Add(x => x.Refusal, "“至”不得早于 “自”。"));

        page.Find("[data-testid=public-refusal]").TextContent.Should().Contain("不得早于");
        page.FindAll("[data-testid=public-tender-row]").Should().BeEmpty();
    }

    [Fact]
    public void An_announcement_shows_its_terms_amendments_answers_and_documents_that_download_without_sign_in()
    {
        var page = Render<PublicTenderPage>(p => p.Add(x => x.Announcement, Announcement()));

        page.Find("h1").TextContent.Should().Be("示范区居家养老服务");
        page.Find("title").TextContent.Should().StartWith("示范区居家养老服务");
        page.Find("meta[name=description]").GetAttribute("content").Should().Contain("¥1,234,567.50");
        page.Find("[data-testid=public-budget]").TextContent.Should().Be("¥1,234,567.50");
        page.Find("[data-testid=public-amendment]").TextContent.Should().Contain("第 1 号更正公告").And.Contain("2026-12-25 17:00").And.Contain("2026-12-30 17:00");
        page.Find("[data-testid=public-answer]").TextContent.Should().Contain("是否包含交通？").And.Contain("包含区内交通。");
        page.Find("[data-testid=public-document-download]").GetAttribute("href")
            .Should().Be($"/api/public/tenders/{TenderId}/documents/0d0c0b0a-0000-4000-8000-000000000001", "the API's anonymous download");
        page.FindAll("script").Should().BeEmpty("a public page is plain HTML");
        page.FindAll("[data-testid=public-cancelled]").Should().BeEmpty();
    }

    [Fact]
    public void Once_the_bids_are_opened_the_announcement_shows_the_opening_record_lowest_price_first()
    {
        var opening = new PublicOpeningRecord
        {
            TenderId = TenderId,
            TenderTitle = "示范区居家养老服务",
            OpenedAt = new DateTimeOffset(2026, 12, 30, 9, 0, 5, TimeSpan.Zero),
            Bids =
            [
                new PublicOpeningEntry { AgencyName = "示范区阳光社会工作服务中心", Price = 398765.43m, ReceiptHash = "aa11", BidVersion = 1 },
                new PublicOpeningEntry { AgencyName = "示范区明德社工事务所", Price = 412345.67m, ReceiptHash = "bb22", BidVersion = 2 },
            ],
        };

        var before = Render<PublicTenderPage>(p => p.Add(x => x.Announcement, Announcement()));
        before.FindAll("[data-testid=public-opening]").Should().BeEmpty("nothing is opened yet");

        var page = Render<PublicTenderPage>(p => p.Add(x => x.Announcement, Announcement()).Add(x => x.Opening, opening));
        page.Find("h2 + p[data-testid=public-opened-at]").TextContent.Should().Contain("2026-12-30 17:00");
        var rows = page.FindAll("[data-testid=public-opening-row]");
        rows.Select(r => r.TextContent).Should().SatisfyRespectively(
            first => first.Should().Contain("示范区阳光社会工作服务中心").And.Contain("¥398,765.43").And.Contain("aa11"),
            second => second.Should().Contain("示范区明德社工事务所").And.Contain("¥412,345.67"));
        page.Markup.Should().Contain("开标记录");
    }

    [Fact]
    public void Once_the_result_is_published_the_announcement_shows_the_winner_the_ranking_with_scores_and_the_challenge_window()
    {
        var result = new PublicAwardResult
        {
            TenderId = TenderId,
            Status = AwardStatus.Published,
            WinnerName = "示范区明德社工事务所",
            Amount = 430000m,
            AwardedRank = 2,
            Ranking =
            [
                new PublicRankedBid { Rank = 1, AgencyName = "示范区阳光社会工作服务中心", Price = 450000m, PriceScore = 28.67m, Total = 86.67m },
                new PublicRankedBid { Rank = 2, AgencyName = "示范区明德社工事务所", Price = 430000m, PriceScore = 30m, Total = 80.1m },
            ],
            InvalidBids = 1,
            PublishedAt = new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero),
            NoticeDate = new DateOnly(2026, 11, 25),
            ChallengeWindowWorkingDays = 7,
            ChallengeWindowEnds = new DateOnly(2026, 12, 4),
        };

        Render<PublicTenderPage>(p => p.Add(x => x.Announcement, Announcement())).FindAll("[data-testid=public-result]").Should().BeEmpty();

        var page = Render<PublicTenderPage>(p => p.Add(x => x.Announcement, Announcement(TenderStatus.Evaluating)).Add(x => x.Result, result));
        page.Markup.Should().Contain("中标（成交）结果公告");
        page.Find("[data-testid=public-tender-status]").TextContent.Should().Be("结果公示中（质疑期内）", "not 评审中 while the result is public");
        page.Find("[data-testid=public-result-status]").TextContent.Should().Be("质疑期内");
        page.Find("[data-testid=public-winner]").TextContent.Should().Be("示范区明德社工事务所");
        page.Find("[data-testid=public-award-amount]").TextContent.Should().Be("¥430,000.00");
        page.Find("[data-testid=public-challenge-window]").TextContent.Should().Be("自 2026-11-25 起 7 个工作日，至 2026-12-04 止");
        page.FindAll("[data-testid=public-ranking-row]").Select(r => r.TextContent).Should().SatisfyRespectively(
            first => first.Should().Contain("示范区阳光社会工作服务中心").And.Contain("¥450,000.00").And.Contain("28.67").And.Contain("86.67"),
            second => second.Should().Contain("示范区明德社工事务所").And.Contain("80.10"));
        page.Find("[data-testid=public-invalid-bids]").TextContent.Should().Contain("1 份");
    }

    [Fact]
    public void Once_both_parties_signed_the_announcement_shows_the_contract_its_versions_and_whether_its_signatures_verify()
    {
        var contractId = Guid.Parse("0193c000-0000-7000-8000-0000000000c1");
        var signature = (ContractParty party) => new PublicContractSignature
        {
            Party = party, OrganisationId = Guid.NewGuid(), Suite = "sm-1", DocumentHash = new string('a', 64), Signature = "c2ln", PublicKey = "a2V5",
            SignedAt = new DateTimeOffset(2026, 12, 10, 2, 0, 0, TimeSpan.Zero),
        };
        var contract = new PublicContractAnnouncement
        {
            Id = contractId, TenderId = TenderId, AgencyName = "示范区明德社工事务所", Amount = 430000m, Currency = "CNY",
            Start = new DateOnly(2027, 1, 1), End = new DateOnly(2027, 12, 31), PaymentTermDays = 30, State = ContractState.Terminated,
            PaymentSchedule = [new ContractInstalment { Percent = 30m, Condition = "Activation" }],
            Kpis = [new ContractKpi { Name = "服务时数", Unit = "小时", Target = 2400m }],
            SignedAt = new DateTimeOffset(2026, 12, 10, 2, 0, 0, TimeSpan.Zero), EndedAt = new DateTimeOffset(2027, 6, 1, 2, 0, 0, TimeSpan.Zero),
            TerminationReason = "机构撤销办公场所",
            Versions =
            [
                new PublicContractVersion { Number = 1, Amount = 430000m, End = new DateOnly(2027, 12, 31), Signatures = [signature(ContractParty.Purchaser), signature(ContractParty.Agency)] },
                new PublicContractVersion { Number = 2, Text = "增加两名社工", Amount = 451500m, End = new DateOnly(2027, 12, 31), Signatures = [signature(ContractParty.Purchaser)] },
            ],
        };

        var page = Render<PublicTenderPage>(p => p.Add(x => x.Announcement, Announcement())
            .Add(x => x.Contract, contract).Add(x => x.Verification, new PublicContractVerification { ContractId = contractId, Valid = true, Signatures = [] }));

        page.Markup.Should().Contain("合同公告");
        page.Find("[data-testid=public-contract-state]").TextContent.Should().Be("已终止");
        page.Find("[data-testid=public-contract-agency]").TextContent.Should().Be("示范区明德社工事务所");
        page.Find("[data-testid=public-contract-amount]").TextContent.Should().Be("¥430,000.00");
        page.Find("[data-testid=public-contract-period]").TextContent.Should().Be("2027-01-01 – 2027-12-31");
        page.Find("[data-testid=public-contract-termination]").TextContent.Should().Contain("机构撤销办公场所");
        page.Find("[data-testid=public-contract-verified]").GetAttribute("data-valid").Should().Be("true");
        page.Find("[data-testid=public-contract-verified] a").GetAttribute("href").Should().Be($"/api/public/contracts/{contractId}/verification");
        page.FindAll("[data-testid=public-contract-version]").Select(r => r.TextContent).Should().SatisfyRespectively(
            first => first.Should().Contain("双方签订的合同文本").And.Contain("采购人").And.Contain("供应商").And.Contain("sm-1"),
            second => second.Should().Contain("增加两名社工").And.Contain("¥451,500.00").And.NotContain("供应商 ·"));
        Render<PublicTenderPage>(p => p.Add(x => x.Announcement, Announcement())).FindAll("[data-testid=public-contract]").Should().BeEmpty();
        page.Find("[data-testid=public-contract-link]").GetAttribute("href").Should().Be($"/public/contracts/{contractId}");

        var own = Render<PublicContractAnnouncementPage>(p => p.Add(x => x.Contract, contract).Add(x => x.Verification, null));
        own.Find("[data-testid=public-contract-title]").TextContent.Should().Be("合同公告：示范区明德社工事务所");
        own.Find("[data-testid=public-contract-tender]").GetAttribute("href").Should().Be($"/public/tenders/{TenderId}");
        own.Find("[data-testid=public-contract-verified]").GetAttribute("data-valid").Should().Be("false", "a verification the API did not give is not shown as passed");
        Render<PublicContractAnnouncementPage>(p => p.Add(x => x.Contract, null)).FindAll("[data-testid=public-not-found]").Should().ContainSingle();
    }

    [Fact]
    public void A_cancelled_tender_says_when_and_why()
    {
        var page = Render<PublicTenderPage>(p => p.Add(x => x.Announcement, Announcement(TenderStatus.Cancelled)));

        page.Find("[data-testid=public-cancelled]").TextContent.Should().Contain("2026-12-08 10:00").And.Contain("预算调整");
        page.Find("[data-testid=public-tender-status]").TextContent.Should().Be("已终止");
    }

    [Fact]
    public void An_unknown_or_unpublished_tender_is_a_page_that_says_so()
    {
        var page = Render<PublicTenderPage>(p => p.Add(x => x.Announcement, null));

        page.Find("[data-testid=public-not-found]").TextContent.Should().Contain("该公告不存在或尚未发布");
    }
}

public sealed class The_public_announcement_pages_in_english : PortalContext
{
    public The_public_announcement_pages_in_english() : base("en")
    {
    }

    [Fact]
    public void An_english_reader_reads_english_and_is_offered_chinese()
    {
        var page = Render<PublicTenderList>(p => p
            .Add(x => x.Filter, new PublicListFilter(null, null, null, null, null, 1))
            .Add(x => x.Found, new PublicPageOfPublicTenderSummary { Items = [], Page = 1, PageSize = 20, Total = 0 }));

        page.Find("h1").TextContent.Should().Be("Tender announcements");
        page.Find("[data-testid=public-empty]").TextContent.Should().Be("No announcement matches.");
        page.Find("[data-testid=public-language]").GetAttribute("href").Should().Be("/public/tenders?culture=zh-CN");
    }
}
