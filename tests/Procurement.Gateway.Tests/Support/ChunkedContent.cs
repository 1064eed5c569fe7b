using System.Net;

namespace Procurement.Gateway.Tests.Support;

/// <summary>A body whose length is not known in advance, so it travels chunked: a cap must count what arrives, not what is declared.</summary>
internal sealed class ChunkedContent(int length) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var chunk = new byte[256];
        for (var sent = 0; sent < length; sent += chunk.Length)
        {
            await stream.WriteAsync(chunk);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
