using Procurement.Api.Tests.Support;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.Api.Tests;

/// <summary>
/// In the embedded host every module adds its refusal texts to one table: a code two modules register with different
/// texts would read as whichever module started last (and with other placeholders could even fail to format).
/// </summary>
[Collection(ApiPlatformCollection.Name)]
public sealed class Every_problem_code_has_one_text(ApiPlatform platform)
{
    [Fact]
    public void No_module_gives_a_code_a_second_text()
    {
        platform.Should().NotBeNull("the whole platform has started, every module has registered its texts");

        ProblemMessages.Conflicts.Should().BeEmpty("one code has one text on the platform");
    }
}
