using Procurement.Portal.Localization;

namespace Procurement.Portal.Tests;

public sealed class Amounts_and_dates_are_written_as_Chinese_offices_write_them
{
    [Theory]
    [InlineData("1234567.89", "¥1,234,567.89")]
    [InlineData("0", "¥0.00")]
    [InlineData("12.5", "¥12.50")]
    [InlineData("-12", "-¥12.00")]
    public void Amounts_are_CNY_with_two_decimals_and_thousands_separators(string amount, string written) =>
        Format.Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(written);

    [Fact]
    public void A_moment_is_shown_in_Shanghai_time_whatever_the_servers_zone() =>
        Format.Time(new DateTimeOffset(2026, 12, 4, 16, 30, 0, TimeSpan.Zero)).Should().Be("2026-12-05 00:30");

    [Fact]
    public void The_day_of_a_moment_is_the_day_in_Shanghai() =>
        Format.ShanghaiDay(new DateTimeOffset(2026, 12, 4, 16, 30, 0, TimeSpan.Zero)).Should().Be(new DateOnly(2026, 12, 5));
}
