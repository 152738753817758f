namespace Ecai.Domain.Data;

/// <summary>
/// A record an admin edit form changes. <see cref="Version"/> is its row version (an optimistic concurrency token,
/// <c>DEFAULT 0</c>): +1 on every change of the row, by <see cref="EcaiDb"/> for tracked changes and by hand
/// (<c>Version = Version + 1</c>) in set-wise statements. A form keeps the version it loaded and hands it back when
/// saving; a save whose version is no longer the row's is refused, writes nothing, and returns the fresh record.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
