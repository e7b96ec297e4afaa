using System.Security.Cryptography;

namespace Frontdesk.Common.Blobs;

/// <summary>Content-addressed file store: a blob's name is the SHA-256 of its bytes.</summary>
internal interface IBlobStore
{
    /// <summary>Stores the content (up to <paramref name="maxBytes"/>) and returns its hash and size.</summary>
    Task<StoredBlob> PutAsync(Stream content, long maxBytes, CancellationToken ct);

    Stream? OpenRead(string sha256);
}

internal sealed record StoredBlob(string Sha256, long Size);

internal sealed class BlobTooLargeException(long maxBytes) : Exception($"The file is larger than the limit of {maxBytes} bytes.")
{
    public long MaxBytes { get; } = maxBytes;
}

/// <summary>Blobs in <c>{data}/blobs/ab/cd/abcd…</c>; written to a temp file first, then moved, so a crash never leaves half a blob.</summary>
internal sealed class DirectoryBlobStore(string root) : IBlobStore
{
    public async Task<StoredBlob> PutAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Path.Combine(root, "tmp"));
        var temp = Path.Combine(root, "tmp", Guid.NewGuid().ToString("N"));
        long size = 0;
        string hash;
        try
        {
            // The file is written with plain synchronous calls: on Linux an "async" file write is a
            // synchronous one handed to the thread pool, which cost more than the write itself.
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > maxBytes) throw new BlobTooLargeException(maxBytes);
                    sha.AppendData(buffer, 0, read);
                    file.Write(buffer, 0, read);
                }
                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }
            var target = PathFor(hash);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (File.Exists(target)) File.Delete(temp);
            else File.Move(temp, target);
            return new StoredBlob(hash, size);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public Stream? OpenRead(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit)) return null;
        var path = PathFor(sha256);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920) : null;
    }

    private string PathFor(string hash) => Path.Combine(root, hash[..2], hash[2..4], hash);
}
