using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Mss.Core.Integration;

/// <summary>
/// The tests' HTTP endpoint on 127.0.0.1. The token introspection endpoint (RFC 7662) Dovecot's oauth2 passdb asks,
/// standing in for Pro Santé Connect: it answers <c>POST /introspect</c> (<c>token=…</c>) with
/// <c>{"active":…,"email":…}</c> for the tokens this class issued, and records every token it was asked about (to
/// prove that one never left the client). And the test PKI's CRL distribution point: <c>GET /crl/&lt;run&gt;/root.crl</c>
/// and <c>inter.crl</c>, as the certificates name them.
/// </summary>
internal sealed class TokenEndpoint : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentDictionary<string, (string Email, bool Active)> tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> asked = new();
    private readonly Task loop;
    private readonly string pki;
    private int crlRequests;

    public TokenEndpoint(int port, string pki)
    {
        this.pki = pki;
        listener.Prefixes.Add($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    /// <summary>How many introspection requests were answered.</summary>
    public int Requests => asked.Count;

    /// <summary>How many CRLs were served (a client that checks revocation online fetches them).</summary>
    public int CrlRequests => Volatile.Read(ref crlRequests);

    /// <summary>A new token the endpoint says is active, made out to <paramref name="box"/>.</summary>
    public string Issue(MssAddress box) => Add(box, active: true);

    /// <summary>A new token the endpoint says is not active (expired or revoked).</summary>
    public string IssueExpired(MssAddress box) => Add(box, active: false);

    /// <summary>Whether the server ever asked about <paramref name="token"/>: only a client that sent it can make it ask.</summary>
    public bool WasAsked(string token) => asked.Contains(token);

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        try
        {
            await loop.ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
        }
        catch (HttpListenerException)
        {
        }
    }

    private string Add(MssAddress box, bool active)
    {
        string token = Base64Url(RandomNumberGenerator.GetBytes(24));
        tokens[token] = (box.ToString(), active);
        return token;
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            string path = context.Request.Url?.AbsolutePath ?? string.Empty;
            if (context.Request.HttpMethod == "GET" && path.StartsWith("/crl/", StringComparison.Ordinal))
            {
                string name = path[(path.LastIndexOf('/') + 1)..];
                byte[]? crl = name is "root.crl" or "inter.crl" ? await File.ReadAllBytesAsync(Path.Combine(pki, name)).ConfigureAwait(false) : null;
                Interlocked.Increment(ref crlRequests);
                context.Response.StatusCode = crl is null ? 404 : 200;
                context.Response.ContentType = "application/pkix-crl";
                if (crl is not null)
                {
                    context.Response.ContentLength64 = crl.Length;
                    await context.Response.OutputStream.WriteAsync(crl).ConfigureAwait(false);
                }

                context.Response.Close();
                continue;
            }

            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync().ConfigureAwait(false);
            }

            string? token = null;
            foreach (string pair in body.Split('&'))
            {
                int equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0 && pair.AsSpan(0, equals).SequenceEqual("token"))
                {
                    token = WebUtility.UrlDecode(pair[(equals + 1)..]);
                }
            }

            byte[] answer;
            if (token is not null)
            {
                asked.Enqueue(token);
            }

            if (token is not null && tokens.TryGetValue(token, out var grant) && grant.Active)
            {
                long expires = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();
                answer = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
                {
                    ["active"] = true,
                    ["email"] = grant.Email,
                    ["sub"] = grant.Email,
                    ["exp"] = expires,
                    ["iss"] = "http://127.0.0.1/pro-sante-connect-de-test",
                });
            }
            else
            {
                answer = "{\"active\":false}"u8.ToArray();
            }

            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = answer.Length;
            await context.Response.OutputStream.WriteAsync(answer).ConfigureAwait(false);
            context.Response.Close();
        }
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
