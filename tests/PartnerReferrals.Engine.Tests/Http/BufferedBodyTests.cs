using System.Net;
using System.Net.Http;
using PartnerReferrals.Engine.Http;
using PartnerReferrals.Engine.Paging;
using PartnerReferrals.Engine.Tests.Fakes;

namespace PartnerReferrals.Engine.Tests.Http;

/// <summary>The body is read once, in the retry attempt, into a pooled buffer that the parser reads in place.</summary>
public class BufferedBodyTests
{
    private static readonly Uri Page = new("https://api.test/referrals?top=10");

    private static readonly SpanPageParser<Models.Referral> Referrals = ReferralPageReader.ReadReferrals;

    private static HttpClient Client(FakeHandler network, CountingPool pool) =>
        new(new RetryHandler(TestSessions.FastOptions(), new BodyLoader(pool)) { InnerHandler = network });

    private static HttpResponseMessage Answer(HttpContent content, HttpStatusCode status = HttpStatusCode.OK) => new(status) { Content = content };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_body_is_read_once_and_parsed_from_the_pooled_buffer(bool declareLength)
    {
        // 300 rows: larger than the first guess at an undeclared length, so that path grows its buffer.
        var content = new CountingContent(Pages.Envelope(1, 300, 300), declareLength);
        var pool = new CountingPool();
        using var client = Client(new FakeHandler((_, _) => Answer(content)), pool);

        var page = await new PageFetcher(client, TestSessions.FastOptions()).FetchAsync(Page, Referrals, 0, new OperationContext(), CancellationToken.None);

        Assert.Equal(300, page.Rows.Count);
        Assert.Equal(1, content.Opens);
        Assert.Equal(content.Length, content.BytesRead);
        Assert.Equal(0, pool.Outstanding);
    }

    [Fact]
    public async Task A_body_shorter_than_its_content_length_is_retried_with_the_same_request_id()
    {
        var json = Pages.Envelope(1, 10, 10);
        var pool = new CountingPool();
        var handler = new FakeHandler((_, n) => Answer(new CountingContent(json, deliver: n == 1 ? json.Length / 2 : null)));
        using var client = Client(handler, pool);

        var page = await new PageFetcher(client, TestSessions.FastOptions()).FetchAsync(Page, Referrals, 0, new OperationContext(), CancellationToken.None);

        Assert.Equal(10, page.Rows.Count);
        Assert.Equal(2, handler.Count);
        Assert.Single(handler.Requests.Select(r => r.RequestId).Distinct());
        Assert.Equal(0, pool.Outstanding);
    }

    [Fact]
    public async Task The_retry_handler_itself_retries_a_body_shorter_than_its_content_length()
    {
        var json = Pages.Envelope(1, 10, 10);
        var pool = new CountingPool();
        var handler = new FakeHandler((_, n) => Answer(new CountingContent(json, deliver: n == 1 ? json.Length - 1 : null)));
        using var invoker = new HttpMessageInvoker(new RetryHandler(TestSessions.FastOptions(), new BodyLoader(pool)) { InnerHandler = handler });
        using var request = new HttpRequestMessage(HttpMethod.Get, Page);

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal(2, handler.Count);
        Assert.Equal(2, RetryHandler.AttemptsOf(request));
        Assert.Equal(json, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_empty_body_goes_back_to_a_real_pool()
    {
        using var invoker = new HttpMessageInvoker(new RetryHandler(TestSessions.FastOptions(), new BodyLoader(System.Buffers.ArrayPool<byte>.Create())) { InnerHandler = new FakeHandler((_, _) => Answer(new CountingContent(string.Empty))) });
        using var request = new HttpRequestMessage(HttpMethod.Get, Page);

        var response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal(0, (await BufferedBodyContent.ReadBodyAsync(response.Content)).Count);
        response.Dispose();
    }

    [Fact]
    public async Task Content_headers_survive_and_disposing_returns_the_buffer()
    {
        var pool = new CountingPool();
        var original = new CountingContent("""{"value":[]}""");
        original.Headers.ContentLanguage.Add("en-US");
        using var invoker = new HttpMessageInvoker(new RetryHandler(TestSessions.FastOptions(), new BodyLoader(pool)) { InnerHandler = new FakeHandler((_, _) => Answer(original)) });
        using var request = new HttpRequestMessage(HttpMethod.Get, Page);

        var response = await invoker.SendAsync(request, CancellationToken.None);

        var content = Assert.IsType<BufferedBodyContent>(response.Content);
        Assert.Equal("application/json", content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", content.Headers.ContentType?.CharSet);
        Assert.Equal(["en-US"], content.Headers.ContentLanguage);
        Assert.Equal(original.Length, content.Headers.ContentLength);
        Assert.Equal("""{"value":[]}""", await content.ReadAsStringAsync());
        Assert.Equal(1, pool.Outstanding);

        response.Dispose();
        response.Dispose();

        Assert.Equal(0, pool.Outstanding);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => BufferedBodyContent.ReadBodyAsync(content));
    }

    [Fact]
    public async Task A_parsed_page_keeps_no_reference_to_the_returned_buffer()
    {
        var pool = new CountingPool();
        using var client = Client(new FakeHandler((_, _) => Answer(new CountingContent(Pages.Envelope(1, 10, 10, "https://api.test/next")))), pool);

        var page = await new PageFetcher(client, TestSessions.FastOptions()).FetchAsync(Page, Referrals, 0, new OperationContext(), CancellationToken.None);
        foreach (var buffer in pool.Returned)
        {
            buffer.AsSpan().Fill((byte)'x');
        }

        Assert.Equal(0, pool.Outstanding);
        Assert.Equal("1", page.Rows[0].Id);
        Assert.Equal("Customer 10", page.Rows[9].CustomerName);
        Assert.Equal("https://api.test/next", page.NextLink);
    }

    [Fact]
    public async Task Error_bodies_are_mapped_from_the_buffer_and_returned()
    {
        var pool = new CountingPool();
        var error = new CountingContent("""{"code":"600","description":"The filter is not valid"}""");
        using var client = Client(new FakeHandler((_, _) => Answer(error, HttpStatusCode.BadRequest)), pool);

        var ex = await Assert.ThrowsAsync<PartnerReferralsException>(
            () => new PageFetcher(client, TestSessions.FastOptions()).FetchAsync(Page, Referrals, 0, new OperationContext(), CancellationToken.None));

        Assert.Equal("600", ex.ApiCode);
        Assert.Contains("The filter is not valid", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, pool.Outstanding);
    }
}
