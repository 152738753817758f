namespace Ecai.Domain.Carts;

/// <summary>How a pull writes (section Ecai:Import).</summary>
public sealed class ImportOptions
{
    /// <summary>Pages are written in transactions of at least this many records; the cursor goes with the last page.</summary>
    public int RecordsPerTransaction { get; set; } = 5_000;

    /// <summary>Pages read ahead of the writer.</summary>
    public int PagesBuffered { get; set; } = 100;
}
