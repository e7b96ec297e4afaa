using System.Text.Json;
using System.Text.Json.Nodes;

namespace Frontdesk.IntegrationTests.Infrastructure;

/// <summary>Tests read responses as JSON trees: they check the wire format outsiders see.</summary>
public static class Json
{
    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new InvalidOperationException("empty body");
    }

    public static async Task<JsonNode> PostJsonAsync(this HttpClient client, string url, object body, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.Created)
    {
        var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return JsonNode.Parse(text)!;
    }

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!;
    }

    public static async Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string url, object body, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    public static long Number(this JsonNode ticket) => ticket["number"]!.GetValue<long>();

    public static IEnumerable<long> Numbers(this JsonNode page) => page["items"]!.AsArray().Select(t => t!["number"]!.GetValue<long>());

    public static string Str(this JsonNode node, string name) => node[name]?.GetValue<string>() ?? "";

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
