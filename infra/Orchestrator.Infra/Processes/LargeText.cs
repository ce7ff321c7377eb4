using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace Orchestrator.Infra.Processes;

/// <summary>A text property to be written: inline (split over numbered properties when long) or, when the row would get too big, in a blob.</summary>
internal sealed record TextField(string Name, string? Value, string? Blob = null);

/// <summary>
/// Stores long strings on Table rows without ever truncating them. Table storage allows 64 KiB per property (32K UTF-16
/// characters) and 1 MiB per entity. A string up to <see cref="ChunkChars"/> is one property <c>{name}</c>; a longer one is
/// split over <c>{name}_0..{name}_{n-1}</c> with <c>{name}_chunks = n</c>; when the row's strings together exceed the
/// caller's budget the longest go to a blob and the row keeps <c>{name}_blob</c> (the blob's name).
/// </summary>
internal sealed class LargeText(BlobContainerClient container)
{
    public const int ChunkChars = 32_000;
    int containerReady;

    /// <summary>Decides inline or blob per field (longest first to the blob until the rest fits the budget) and uploads the blobs.</summary>
    public async Task<IReadOnlyList<TextField>> PrepareAsync(
        IReadOnlyList<TextField> fields, int inlineBudget, Func<string, string> blobName, CancellationToken ct)
    {
        var result = fields.ToList();
        long total = result.Sum(f => (long)(f.Value?.Length ?? 0));
        foreach (var field in result.Where(f => f.Value is { Length: > 0 }).OrderByDescending(f => f.Value!.Length).ToList())
        {
            if (total <= inlineBudget) break;
            var name = blobName(field.Name);
            await UploadAsync(name, field.Value!, ct);
            result[result.IndexOf(field)] = field with { Blob = name };
            total -= field.Value!.Length;
        }
        return result;
    }

    public static void Apply(TableEntity entity, IEnumerable<TextField> fields)
    {
        foreach (var field in fields)
        {
            if (field.Blob is not null) { entity[field.Name + "_blob"] = field.Blob; continue; }
            if (field.Value is null) continue;
            if (field.Value.Length <= ChunkChars) { entity[field.Name] = field.Value; continue; }
            var chunks = Split(field.Value);
            entity[field.Name + "_chunks"] = chunks.Count;
            for (var i = 0; i < chunks.Count; i++) entity[$"{field.Name}_{i}"] = chunks[i];
        }
    }

    /// <summary>The field's text, wherever it is kept; null when it was null.</summary>
    public async Task<string?> ReadAsync(TableEntity entity, string name, CancellationToken ct)
    {
        if (entity.TryGetValue(name + "_blob", out var blob) && blob is string blobName)
            return await DownloadAsync(blobName, ct)
                ?? throw new InvalidDataException($"Blob {blobName} of {entity.PartitionKey}/{entity.RowKey}.{name} is missing");
        if (entity.TryGetValue(name + "_chunks", out var count) && count is int n)
        {
            var text = new StringBuilder();
            for (var i = 0; i < n; i++)
                text.Append(entity.GetString($"{name}_{i}")
                    ?? throw new InvalidDataException($"Chunk {i} of {entity.PartitionKey}/{entity.RowKey}.{name} is missing"));
            return text.ToString();
        }
        return entity.GetString(name);
    }

    static List<string> Split(string value)
    {
        var chunks = new List<string>();
        for (var start = 0; start < value.Length;)
        {
            var length = Math.Min(ChunkChars, value.Length - start);
            // never cut a surrogate pair in two: a lone surrogate does not survive the trip through UTF-8
            if (start + length < value.Length && char.IsHighSurrogate(value[start + length - 1])) length--;
            chunks.Add(value.Substring(start, length));
            start += length;
        }
        return chunks;
    }

    async Task EnsureContainerAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref containerReady) == 1) return;
        await container.CreateIfNotExistsAsync(cancellationToken: ct);
        Volatile.Write(ref containerReady, 1);
    }

    async Task UploadAsync(string name, string text, CancellationToken ct)
    {
        await EnsureContainerAsync(ct);
        await container.GetBlobClient(name).UploadAsync(BinaryData.FromString(text), overwrite: true, ct);
    }

    async Task<string?> DownloadAsync(string name, CancellationToken ct)
    {
        try
        {
            var content = await container.GetBlobClient(name).DownloadContentAsync(ct);
            return content.Value.Content.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<bool> ExistsAsync(string name, CancellationToken ct)
    {
        try { return await container.GetBlobClient(name).ExistsAsync(ct); }
        catch (RequestFailedException e) when (e.Status == 404) { return false; }
    }

    /// <summary>Deletes every blob whose name starts with the prefix; a missing container is nothing to delete.</summary>
    public async Task DeletePrefixAsync(string prefix, CancellationToken ct)
    {
        try
        {
            var names = new List<string>();
            await foreach (var item in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, ct)) names.Add(item.Name);
            foreach (var name in names) await container.DeleteBlobIfExistsAsync(name, cancellationToken: ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // no container yet
        }
    }
}
