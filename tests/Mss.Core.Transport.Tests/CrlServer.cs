using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Mss.Core.Transport.Tests;

/// <summary>A minimal HTTP/1.1 server on 127.0.0.1 that serves CRLs by path (404 otherwise) and counts requests.</summary>
public sealed class CrlServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentDictionary<string, byte[]> files = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stop = new();
    private int requests;

    public CrlServer()
    {
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public int Requests => Volatile.Read(ref requests);

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public void Publish(string path, byte[] content) => files[path] = content;

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                NetworkStream stream = client.GetStream();
                var head = new StringBuilder();
                var buffer = new byte[1];
                while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(buffer) == 1)
                {
                    head.Append((char)buffer[0]);
                }

                Interlocked.Increment(ref requests);
                string[] requestLine = head.ToString().Split(' ', 3);
                string path = requestLine.Length > 1 ? requestLine[1] : "/";
                byte[] body = files.TryGetValue(path, out byte[]? content) ? content : [];
                string status = content is null ? "404 Not Found" : "200 OK";
                byte[] header = Encoding.ASCII.GetBytes(
                    $"HTTP/1.1 {status}\r\nContent-Type: application/pkix-crl\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
                await stream.WriteAsync(header);
                await stream.WriteAsync(body);
            }
            catch (IOException)
            {
            }
        }
    }
}
