using Procurement.ServiceDefaults.Texts;

namespace Procurement.Bidding.Domain;

/// <summary>The texts of Bidding's rules, in English and Chinese. Field rules get the field name as {0}.</summary>
internal static class BiddingTexts
{
    public static void Register() => ProblemMessages.Add(new Dictionary<string, (string En, string Zh)>
    {
        // 422: a unified social credit code that breaks GB 32100-2015: ProblemMessages has those texts (Identity checks codes too).

        // 400: a national ID number of the wrong shape (GB 11643-1999). The number itself is never echoed.
        ["workforce_year_out_of_range"] = ("{0} is {1}; the figures are kept for {2} to {3}.", "{0}为 {1}；可查询 {2} 至 {3} 年的数据。"),
        ["id_number_length"] = ("{0} must be 18 characters; it has {1}.", "{0}必须为 18 位，当前为 {1} 位。"),
        ["id_number_format"] = ("{0} must be 17 digits followed by a digit or X.", "{0}必须为 17 位数字加 1 位数字或 X。"),
        ["id_number_birth_date"] = ("{0}: characters 7–14 are not a real date of birth.", "{0}第 7–14 位不是有效的出生日期。"),
        ["id_number_birth_date_future"] = ("{0}: the date of birth is in the future.", "{0}的出生日期晚于今天。"),
        ["id_number_check_character"] = ("{0} does not pass its check character (GB 11643-1999); look for a mistyped digit.",
            "{0}校验码不正确（GB 11643-1999），请检查是否有输错的数字。"),

        // 400: other request shapes.
        ["phone"] = ("{0} must be a mobile number or a landline with its area code.", "{0}必须是手机号码或带区号的固定电话。"),
        ["email"] = ("{0} must be an email address.", "{0}必须是电子邮箱地址。"),
        ["contacts_count"] = ("{0} must list between 1 and {1} contacts.", "{0}须填写 1 至 {1} 名联系人。"),

        // 422: business rules.
        ["agency_contacts_count"] = ("An agency lists between 1 and {0} contacts.", "机构须填写 1 至 {0} 名联系人。"),
        ["debarment_span_reversed"] = ("The debarment ends ({1}) before it starts ({0}).", "禁止参与期限的结束日期（{1}）早于开始日期（{0}）。"),
        ["certificate_number_required"] = ("A worker certified at level {0} needs the certificate number.", "持有 {0} 级证书的社工须填写证书编号。"),
        ["certificate_number_without_level"] = ("A certificate number needs a certificate level; choose the level or remove the number.",
            "填写证书编号时须选择证书等级；请选择等级或删除编号。"),
        [CertificateLending.Code] = ("This certificate number is registered to someone else.", "该证书编号已登记在他人名下。"),
        ["training_hours_out_of_range"] = ("Training hours for {0} must be between 0 and {2}; {1} is not.", "{0}年的培训学时须在 0 至 {2} 之间，{1} 不在此范围内。"),
        ["training_year_in_future"] = ("Training hours cannot be recorded for {0}, which has not begun.", "不能登记尚未开始的 {0} 年的培训学时。"),
        ["training_year_repeated"] = ("Training hours for {0} are listed more than once.", "{0}年的培训学时重复填写。"),

        // 409: state.
        ["agency_profile_required"] = ("Register the agency profile (PUT /api/agencies/me) before adding staff.", "请先登记机构信息（PUT /api/agencies/me），再添加工作人员。"),
        ["uscc_already_registered"] = ("Another agency is already registered with the unified social credit code {0}.", "统一社会信用代码 {0} 已被其他机构登记。"),
        ["worker_already_on_roster"] = ("This person (ID number ending {0}) is already on the roster.", "该人员（身份证号后四位 {0}）已在本机构人员名册中。"),

        // Resource names for 404s.
        ["agency"] = ("Agency", "机构"),
        ["social_worker"] = ("Social worker", "社工"),
    });
}
