using Procurement.ServiceDefaults.Security;

namespace Procurement.Bidding.Data;

/// <summary>
/// Outside Development, Bidding refuses to start with a sealing key (current or retired) or an ID pepper that a
/// Development host created in the data folder: whoever copied the folder could open every bid and reverse every ID hash.
/// </summary>
internal static class DevelopmentKeyCheck
{
    public static WebApplicationBuilder RefuseDevelopmentBiddingKeys(this WebApplicationBuilder builder)
    {
        DevelopmentKeys.RefuseOutsideDevelopment(builder.Configuration, builder.Environment,
            SealingKey.Setting, SealingKey.RetiredSetting, IdNumberPepper.Setting);
        return builder;
    }
}
