namespace Ecai.Web.Endpoints;

/// <summary>A webhook's body byte for byte (signatures cover exactly these bytes), bounded in size.</summary>
internal static class RawBody
{
    /// <summary>The body, or null when it is larger than <paramref name="maxBytes"/> (declared or actually sent).</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
