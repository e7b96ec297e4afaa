using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Frontdesk.IntegrationTests.Infrastructure;

/// <summary>Signs in through the HTML form, as a browser without JavaScript would, and keeps the cookie.</summary>
public static partial class WebSignIn
{
    /// <summary>A client that keeps cookies and does not follow redirects; <paramref name="clientAddress"/> is the address the server sees.</summary>
    public static HttpClient Browser(this FrontdeskApp app, string? clientAddress = null)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (clientAddress is not null) client.DefaultRequestHeaders.Add(TestClientAddress.Header, clientAddress);
        return client;
    }

    /// <summary>Posts the sign-in form; the answer is the form's own response (302 on success).</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(this HttpClient browser, string email, string password, string? returnUrl = null)
    {
        var path = returnUrl is null ? "/signin" : "/signin?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        var form = await browser.GetStringAsync(path);
        var fields = HiddenInputs(form);
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        return await browser.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    /// <summary>The hidden inputs of a page's forms (antiforgery token, form name), by name.</summary>
    public static Dictionary<string, string> HiddenInputs(string html) =>
        Hidden().Matches(html).GroupBy(m => WebUtility.HtmlDecode(m.Groups["name"].Value))
            .ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups["value"].Value));

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"|<input[^>]*name=\"(?<name>[^\"]+)\"[^>]*type=\"hidden\"[^>]*value=\"(?<value>[^\"]*)\"")]
    private static partial Regex Hidden();
}
