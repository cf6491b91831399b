using Engage.Codegen.Tests.Dialects;

namespace Engage.Codegen.Tests.Paging;

/// <summary>
/// What the Ledgerly fixture's pages say, read back from the generated client: one operation per
/// endpoint, each list in the paging style its page describes, and the generated code itself.
/// </summary>
public class LedgerlyContractTests
{
    private static readonly DialectFixture s_fixture = new("paging", "Ledgerly.Paging");

    [Fact]
    public void Every_endpoint_a_reader_sees_is_an_operation()
    {
        Assert.Equal(
            new[]
            {
                "LedgerlyCustomersClient.ListAsync GET /customers",
                "LedgerlyEventsClient.ListAsync GET /events",
                "LedgerlyInvoicesClient.GetAsync GET /invoices/{id}",
                "LedgerlyInvoicesClient.ListAsync GET /invoices",
                "LedgerlyPaymentsClient.ListAsync GET /payments",
            },
            s_fixture.Operations);
        Assert.Equal("invoices.md:6", s_fixture.Operation("LedgerlyInvoicesClient", "ListAsync").Source);
        Assert.Equal("payments.md:5", s_fixture.Operation("LedgerlyPaymentsClient", "ListAsync").Source);
    }

    [Fact]
    public void Paging_members_have_the_types_paging_needs()
    {
        Assert.Equal(typeof(int?), s_fixture.MemberType("ListInvoicesRequest", "Page"));
        Assert.Equal(typeof(int?), s_fixture.MemberType("ListInvoicesRequest", "PerPage"));
        Assert.Equal(typeof(int?), s_fixture.MemberType("ListPaymentsRequest", "Offset"));
        Assert.Equal(typeof(bool), s_fixture.MemberType("ListEventsResponse", "HasMore"));
        Assert.Equal(typeof(int), s_fixture.MemberType("ListEventsResponse", "TotalPages"));
        Assert.Equal(typeof(long), s_fixture.MemberType("Invoice", "Id"));
    }

    [Fact]
    public void Snapshot()
    {
        Engage.Codegen.Tests.Snapshot.Verify(nameof(LedgerlyContractTests), nameof(Snapshot), s_fixture.Result.Sources
            .Where(s => s.HintName is "LedgerlyInvoicesClient.g.cs" or "LedgerlyPaymentsClient.g.cs" or "LedgerlyCustomersClient.g.cs" or "LedgerlyCustomersClient.Models.g.cs")
            .Select(s => (s.HintName, s.Text)));
    }
}
