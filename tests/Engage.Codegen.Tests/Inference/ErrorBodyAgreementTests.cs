using Engage.Codegen.Inference;
using Engage.Codegen.Parsing;
using Engage.Codegen.Runtime;

namespace Engage.Codegen.Tests.Inference;

/// <summary>
/// The inspection's "error body" line and the client's <see cref="ApiException.FieldErrors"/> read the same shapes: the
/// generator cannot reference the runtime, so each has its own reader, and this keeps them in agreement.
/// </summary>
public sealed class ErrorBodyAgreementTests
{
    [Theory]
    [InlineData("""{"name": "can't be blank", "callback_url": ["is not a valid URL"]}""", true)]
    [InlineData("""{"message": "Invalid.", "errors": {"email": ["is taken"]}}""", true)]
    [InlineData("""{"errors": {"items": [{"name": ["is required"]}]}}""", true)]
    [InlineData("""{"errors": [{"field": "email", "message": "is taken"}]}""", true)]
    [InlineData("""{"detail": [{"loc": ["body", "name"], "msg": "field required"}]}""", true)]
    [InlineData("""{"title": ["can't be blank"]}""", true)]
    [InlineData("""{"error": "denied"}""", false)]
    [InlineData("""{"error_message": "Some error"}""", false)]
    [InlineData("""{"message": "Not allowed", "code": 17}""", false)]
    [InlineData("""{"title": "Invalid request", "detail": "The body is empty"}""", false)]
    [InlineData("""{"name": "Sea Lark", "length_m": 11.5}""", false)]
    [InlineData("""{"statusCode": "400", "requestId": "r-1"}""", false)]
    public void Both_readers_find_field_errors_in_the_same_bodies(string body, bool hasFieldErrors)
    {
        var (node, _) = LenientJson.Parse(body);
        var runtime = new ApiException("refused", 422, null, body, "POST", "https://api.example.test/v1/x").FieldErrors.Count > 0;

        Assert.Equal(hasFieldErrors, ErrorBodies.FieldShape(node!) is not null);
        Assert.Equal(hasFieldErrors, runtime);
    }
}
