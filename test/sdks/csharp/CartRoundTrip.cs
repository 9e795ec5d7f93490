// A C# read-modify-write of a cart with the generated csharp-netcore MODELS (generated/sdks/csharp-netcore, Model/),
// run by test/sdks/csharp.test.ts against the stateful fake and the Prism mock. The SDK's own CartsApi needs
// RestSharp and Polly, which neither Debian nor npm ships, so this program sends the requests with System.Net.Http
// and lets the generated models and Newtonsoft.Json (Debian's 6.0.8) do all JSON reading and writing. It GETs the
// cart, PUTs it back with every quantity plus one, GETs it again, then asks for a cart that does not exist, and prints
// the same JSON report as the Go and Java programs.
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;
using PartnerCenter.Cart.Model;

public static class CartRoundTrip
{
    static Dictionary<string, object> Summarize(Cart cart)
    {
        var quantities = new List<int>();
        var catalogItemIds = new List<string>();
        foreach (var item in cart.LineItems)
        {
            quantities.Add(item.Quantity);
            catalogItemIds.Add(item.CatalogItemId);
        }
        return new Dictionary<string, object> {
            { "id", cart.Id.ToString() },
            { "status", cart.Status },
            { "creationTimestamp", cart.CreationTimestamp == default(DateTime) ? "" : cart.CreationTimestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'") },
            { "quantities", quantities },
            { "catalogItemIds", catalogItemIds },
        };
    }

    // The update a caller builds from what it read: the same lines, each quantity one higher (the id is read-only).
    static CartUpdate PlusOne(Cart cart)
    {
        var lines = new List<CartLineItemUpdate>();
        foreach (var item in cart.LineItems)
        {
            var billingCycle = JsonConvert.DeserializeObject<BillingCycle>(JsonConvert.SerializeObject(item.BillingCycle));
            lines.Add(new CartLineItemUpdate(id: item.Id, catalogItemId: item.CatalogItemId, friendlyName: item.FriendlyName,
                quantity: item.Quantity + 1, billingCycle: billingCycle, termDuration: item.TermDuration));
        }
        return new CartUpdate(lineItems: lines);
    }

    static HttpResponseMessage Send(HttpClient client, HttpMethod method, string path, object body, string prefer)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "test-token");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (prefer != null) request.Headers.Add("Prefer", prefer);
        if (body != null) request.Content = new StringContent(JsonConvert.SerializeObject(body), Encoding.UTF8, "application/json");
        return client.SendAsync(request).Result;
    }

    static T Read<T>(HttpResponseMessage response, string step)
    {
        var text = response.Content.ReadAsStringAsync().Result;
        if (!response.IsSuccessStatusCode) throw new Exception(step + ": HTTP " + (int)response.StatusCode + ": " + text);
        return JsonConvert.DeserializeObject<T>(text);
    }

    public static int Main(string[] args)
    {
        var options = new Dictionary<string, string>();
        var preferNotFound = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "-prefer-404") preferNotFound = true;
            else options[args[i].Substring(1)] = args[++i];
        }
        var cartPath = "/v1/customers/" + options["customer"] + "/carts/";
        var client = new HttpClient { BaseAddress = new Uri(options["base-url"]) };
        var report = new Dictionary<string, object>();
        try
        {
            var cart = Read<Cart>(Send(client, HttpMethod.Get, cartPath + options["cart"], null, null), "GET");
            report["read"] = Summarize(cart);
            report["updated"] = Summarize(Read<Cart>(Send(client, HttpMethod.Put, cartPath + options["cart"], PlusOne(cart), null), "PUT"));
            report["reread"] = Summarize(Read<Cart>(Send(client, HttpMethod.Get, cartPath + options["cart"], null, null), "second GET"));
            var missing = Send(client, HttpMethod.Get, cartPath + options["missing-cart"], null, preferNotFound ? "code=404" : null);
            if (missing.IsSuccessStatusCode) throw new Exception("GET of a missing cart succeeded; want an error");
            var error = JsonConvert.DeserializeObject<PartnerCenterError>(missing.Content.ReadAsStringAsync().Result);
            report["notFound"] = new Dictionary<string, object> {
                { "status", (int)missing.StatusCode }, { "code", error.Code }, { "description", error.Description },
            };
        }
        catch (Exception error)
        {
            Console.Error.WriteLine(error.GetBaseException().Message);
            return 1;
        }
        Console.WriteLine(JsonConvert.SerializeObject(report));
        return 0;
    }
}
