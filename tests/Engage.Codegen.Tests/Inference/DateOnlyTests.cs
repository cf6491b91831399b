using System.Text.Json;
using Engage.Codegen.Runtime;
using Engage.Codegen.Tests.Dialects;

namespace Engage.Codegen.Tests;

/// <summary>
/// Dates without a time: a member whose example is a day (<c>"2026-06-01"</c>) or whose declared type is <c>date</c>
/// is a <see cref="DateOnly"/>, written as <c>yyyy-MM-dd</c> in bodies and queries; one named for a moment
/// (<c>inspected_at</c>) or declared <c>date-time</c> stays a <see cref="DateTimeOffset"/>.
/// </summary>
public sealed class DateOnlyTests
{
    private static readonly DialectFixture s_slate = new("slate", "Harbor.Dates");
    private static readonly DialectFixture s_kennels = new("defaults", "Engage.Dialects.Dates");

    [Fact]
    public void A_day_is_a_date_only_and_a_moment_a_date_time()
    {
        Assert.Equal(typeof(DateOnly), s_slate.MemberType("Mooring", "StartsOn"));           // "starts_on | date"
        Assert.Equal(typeof(DateTimeOffset), s_slate.MemberType("Mooring", "BookedAt"));     // "booked_at | date-time"
        Assert.Equal(typeof(DateOnly), s_kennels.MemberType("Kennel", "OpenedOn"));          // "opened_on": "2019-05-01"
        Assert.Equal(typeof(DateTimeOffset), s_kennels.MemberType("Kennel", "InspectedAt"));  // "inspected_at": "2026-01-10", named for a moment
    }

    [Fact]
    public void A_date_only_is_written_as_year_month_day_and_read_back()
    {
        var request = Activator.CreateInstance(s_slate.Type("CreateMooringRequest"))!;
        request.GetType().GetProperty("StartsOn")!.SetValue(request, new DateOnly(2026, 6, 1));
        request.GetType().GetProperty("BoatId")!.SetValue(request, 4021L);

        var json = JsonSerializer.Serialize(request, request.GetType());

        Assert.Contains("\"starts_on\":\"2026-06-01\"", json, StringComparison.Ordinal);
        var back = JsonSerializer.Deserialize(json, request.GetType())!;
        Assert.Equal(new DateOnly(2026, 6, 1), back.GetType().GetProperty("StartsOn")!.GetValue(back));
    }

    [Theory]
    [InlineData("\"2026-06-01\"")]
    [InlineData("\"2026-06-01T22:30:00Z\"")]   // a server that sends more than its docs show: the date as written
    [InlineData("\"2026-06-01 22:30:00 UTC\"")]
    public void A_date_only_is_read_from_a_day_or_from_a_date_and_time(string value)
    {
        var mooring = JsonSerializer.Deserialize("{\"id\": 1, \"boat_id\": 2, \"starts_on\": " + value + ", \"nights\": 1, \"booked_at\": \"2026-05-20T10:00:00Z\", \"lines\": []}", s_slate.Type("Mooring"))!;

        Assert.Equal(new DateOnly(2026, 6, 1), mooring.GetType().GetProperty("StartsOn")!.GetValue(mooring));
    }

    [Fact]
    public void Something_that_is_no_date_is_refused_with_the_member_named()
    {
        var error = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("{\"starts_on\": \"next Tuesday\"}", s_slate.Type("Mooring")));
        Assert.Contains("date", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_date_only_in_the_query_is_year_month_day()
    {
        var query = new ApiQuery().Add("since", new DateOnly(2026, 2, 3)).Add("until", (DateOnly?)null);

        Assert.Equal("?since=2026-02-03", query.ToString());
    }
}
