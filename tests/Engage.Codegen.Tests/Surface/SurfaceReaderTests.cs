using Engage.Codegen.Inspect;
using Engage.Codegen.Inspect.OpenApi;
using Engage.Codegen.Surface;
using Engage.Codegen.Tests.Tools;
using Microsoft.OpenApi;

namespace Engage.Codegen.Tests.Surface;

/// <summary>
/// The build reads a surface file with the generator's own JSON reader and builds the current surface from the
/// inferred API without Microsoft.OpenApi; the two must describe an export alike. For docs-input and every dialect
/// fixture, the surface read from the exported file and the surface of the same API compare equal, and the reader
/// read every operation, schema and scheme the file has (by Microsoft.OpenApi's own count).
/// </summary>
public sealed class SurfaceReaderTests
{
    public static TheoryData<string> Folders() => OpenApiExportTests.Folders();

    [Theory]
    [MemberData(nameof(Folders))]
    public void The_surface_read_from_an_export_equals_the_surface_of_the_API_it_was_exported_from(string folder)
    {
        var directory = folder == "docs-input"
            ? Path.Combine(GeneratorHarness.RepositoryRoot, "docs-input")
            : Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Engage.Codegen.Tests", "Fixtures", folder);
        var api = OpenApiCommand.Infer(DocsFiles.Under(directory), null, null, new Dictionary<string, string>(), null)!;
        var document = OpenApiExport.Build(api);
        var (read, problem) = SurfaceReader.Read(document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1).GetAwaiter().GetResult());
        Assert.True(read is not null, problem);

        Assert.Equal(document.Paths.Sum(p => p.Value.Operations!.Count), read!.Operations.Count);
        Assert.Equal(document.Components!.Schemas!.Count, read.Schemas.Count);
        Assert.Equal(document.Components.SecuritySchemes?.Count ?? 0, read.Schemes.Count);
        Assert.All(read.Operations, o => Assert.NotEqual(string.Empty, o.OperationId));

        var changes = SurfaceComparer.Compare(read, SurfaceOfApi.Build(api));
        Assert.Empty(changes.Select(c => c.Where + ": " + c.What));
        Assert.Empty(SurfaceComparer.Compare(SurfaceOfApi.Build(api), read).Select(c => c.Where + ": " + c.What));
    }

    [Fact]
    public void Types_are_read_in_the_words_a_report_prints()
    {
        const string document = """
            {
              "openapi": "3.1.1",
              "paths": {
                "/jars/{id}": {
                  "get": {
                    "operationId": "Jars_Get",
                    "parameters": [
                      { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } },
                      { "name": "since", "in": "query", "schema": { "type": ["string", "null"], "format": "date-time" } },
                      { "name": "tags", "in": "query", "required": true, "schema": { "type": "array", "items": { "type": "integer", "format": "int64" } } }
                    ],
                    "responses": { "200": { "content": { "application/json": { "schema": { "oneOf": [ { "$ref": "#/components/schemas/Jar" }, { "type": "null" } ] } } } } },
                    "security": [ { "apiKey": [], "apiSecret": [] } ],
                    "x-engage-paging": { "style": "page" }
                  }
                }
              },
              "components": {
                "schemas": {
                  "Jar": { "type": "object", "required": ["id"], "properties": {
                    "id": { "type": "string" },
                    "labels": { "type": "object", "additionalProperties": { "type": "string" } },
                    "value": { "oneOf": [ { "type": "string" }, { "type": "number" }, { "type": "boolean" }, { "type": "null" } ] },
                    "extra": {} } },
                  "Kind": { "anyOf": [ { "type": "string", "enum": ["glass", "tin"] }, { "type": "string" } ] }
                },
                "securitySchemes": { "apiKey": { "type": "apiKey", "in": "header", "name": "X-Key" } }
              }
            }
            """;
        var (surface, problem) = SurfaceReader.Read(document);
        Assert.Null(problem);
        var operation = Assert.Single(surface!.Operations);
        Assert.Equal("GET /jars/{}", operation.Key);
        Assert.Equal(new[] { "query since False string/date-time or null", "query tags True array of integer/int64" },
            operation.Parameters.Select(p => $"{p.In} {p.Name} {p.Required} {p.Type.Word}"));
        Assert.Equal("Jar or null", operation.Answer!.Word);
        Assert.Equal(new[] { "Jar" }, operation.Answer.References);
        Assert.Null(operation.Body);
        Assert.Equal("apiKey and apiSecret", operation.Security);
        Assert.Equal("page", operation.Paging);
        var jar = surface.Schemas["Jar"];
        Assert.Equal(new[] { "id string True", "labels map of string False", "value one of string, number, boolean or null False", "extra any False" },
            jar.Members.Select(m => $"{m.Name} {m.Type.Word} {m.Required}"));
        Assert.Equal(new[] { "glass", "tin" }, surface.Schemas["Kind"].EnumValues);
        Assert.Equal("apiKey header X-Key", surface.Schemes["apiKey"]);
    }

    /// <summary>A committed file can be anything: cut short or scrambled anywhere, it is read or refused with a reason, never thrown on.</summary>
    [Fact]
    public void A_damaged_surface_file_is_read_or_refused_never_thrown_on()
    {
        var api = OpenApiCommand.Infer(DocsFiles.Under(Path.Combine(GeneratorHarness.RepositoryRoot, "docs-input")), null, null, new Dictionary<string, string>(), null)!;
        var text = OpenApiExport.Build(api).SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1).GetAwaiter().GetResult();
        const string Damage = "{}[]\":,x0 ";
        var random = new Random(22);
        var (refused, read) = (0, 0);
        for (var i = 0; i < 400; i++)
        {
            var damaged = new System.Text.StringBuilder(text);
            if (i % 2 == 0)
            {
                damaged.Length = random.Next(text.Length);
            }
            else
            {
                for (var j = 0; j < 5; j++)
                {
                    damaged[random.Next(damaged.Length)] = Damage[random.Next(Damage.Length)];
                }
            }

            var (surface, problem) = SurfaceReader.Read(damaged.ToString());
            if (surface is null)
            {
                Assert.False(string.IsNullOrEmpty(problem));
                refused++;
                continue;
            }

            read++;
            _ = SurfaceComparer.Render(SurfaceComparer.Compare(surface, SurfaceOfApi.Build(api)));
        }

        Assert.True(refused > 100 && read > 0, $"{refused} refused, {read} read");
    }
}
