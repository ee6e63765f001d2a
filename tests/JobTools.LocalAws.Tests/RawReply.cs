using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace JobTools.LocalAws.Tests
{
    /// <summary>A response as it came over the wire: status, the headers the protocols use, and the body text.</summary>
    internal sealed record RawReply(int StatusCode, string? ContentType, string? RequestId, string? ErrorType, string Body)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;

        public static async Task<RawReply> From(HttpResponseMessage response)
        {
            using (response)
            {
                return new RawReply(
                    (int)response.StatusCode,
                    response.Content.Headers.ContentType?.MediaType,
                    Header(response, "x-amzn-RequestId"),
                    Header(response, "x-amzn-ErrorType"),
                    await response.Content.ReadAsStringAsync());
            }
        }

        private static string? Header(HttpResponseMessage response, string name) =>
            response.Headers.TryGetValues(name, out var values) ? values.Single() : null;
    }
}
