using Procurement.ServiceDefaults.Texts;

namespace Procurement.Bidding.Domain.Notifications;

/// <summary>The texts of the notices agencies receive, in English and Chinese. Call <see cref="Register"/> once at startup.</summary>
public static class NotificationTexts
{
    public const string Amended = "notice_tender_amended";
    public const string AmendedReconfirm = "notice_tender_amended_reconfirm";
    public const string Clarified = "notice_tender_clarified";
    public const string Opened = "notice_bids_opened";

    public static IReadOnlyDictionary<string, (string En, string Zh)> Texts { get; } = new Dictionary<string, (string En, string Zh)>
    {
        // {0} title, {1} amendment number, {2} description, {3} deadline (Beijing time).
        [Amended] = (
            "Tender \"{0}\" was amended (amendment no. {1}): {2}. The bid deadline is {3} (Beijing time).",
            "采购项目“{0}”发布了更正公告（第 {1} 号）：{2}。投标截止时间为 {3}（北京时间）。"),
        [AmendedReconfirm] = (
            "Tender \"{0}\" was amended (amendment no. {1}): {2}. The bid deadline is {3} (Beijing time). The change can affect bids: "
            + "a bid submitted before it does not count until its agency confirms or revises it before the deadline.",
            "采购项目“{0}”发布了更正公告（第 {1} 号）：{2}。投标截止时间为 {3}（北京时间）。本次更正可能影响投标："
            + "此前提交的投标须在截止时间前确认或修改，否则不予计入。"),
        // {0} title, {1} question, {2} answer, {3} deadline (Beijing time).
        [Clarified] = (
            "An answer published for tender \"{0}\" can change bids. Question: {1} Answer: {2} The bid deadline is {3} (Beijing time); "
            + "a bid submitted before the answer does not count until its agency confirms or revises it.",
            "采购项目“{0}”发布的答疑澄清可能影响投标。问题：{1} 答复：{2} 投标截止时间为 {3}（北京时间）；"
            + "此前提交的投标须确认或修改后方予计入。"),
        // {0} title, {1} opened at (Beijing time), {2} bids opened, {3} tender id.
        [Opened] = (
            "The bids for tender \"{0}\" were opened at {1} (Beijing time): {2} bid(s) opened. The opening record is at /api/bids/openings/{3}.",
            "采购项目“{0}”已于 {1}（北京时间）开标，共开启 {2} 份投标。开标记录见 /api/bids/openings/{3}。"),

        // Resource name for 404s.
        ["notification"] = ("Notification", "通知"),
    };

    public static void Register() => ProblemMessages.Add(Texts);
}
