using System.Data.Common;

namespace Ecai.Domain.Data;

public static class DbReaderExtensions
{
    /// <summary>A <see cref="Guid"/> column as EF stores it: uuid on PostgreSQL, upper-case text on SQLite.</summary>
    public static Guid GetUuid(this DbDataReader reader, int ordinal) =>
        reader.GetValue(ordinal) is Guid guid ? guid : Guid.Parse(reader.GetString(ordinal));
}
