using System.Data.Common;
using Ecai.Domain.Data;
using Ecai.Domain.Members;

namespace Ecai.Domain.Tags;

/// <summary>
/// The one way tags change set-wise (rules, 一括タグ, the operator): first a tag event for each member whose tag
/// really changes, then the change itself read back from those events, both in the caller's transaction.
/// So the events name exactly the changed members, and a member never gets a tag twice.
/// </summary>
internal static class TagChanges
{
    /// <summary>
    /// Adds (or removes) the tag <c>@tag</c> at <c>@now</c> for the members of <paramref name="members"/>, a condition over
    /// <c>Members m</c> using the parameters in <paramref name="args"/>; returns how many members changed.
    /// </summary>
    /// <param name="wholeBot">A pass over all of a bot's members (a rule's sweep). An addition is a merge of two lists in
    /// member order, those the condition selects EXCEPT the tag's holders (one seek per member into a (MemberId, TagId)
    /// key cost three times as much); a removal starts from the tag's holders (usually few).</param>
    public static async Task<long> ApplyAsync(DbConnection db, DbTransaction tx, string members, bool add, TagCause cause,
        (string, object?)[] args, CancellationToken ct, bool wholeBot = false)
    {
        // NOT INDEXED (SQLite only) keeps the whole-bot passes on the rowid order; CROSS JOIN … WHERE keeps SQLite's join
        // order as written (PostgreSQL plans both itself).
        var scan = SqlDialect.Of(db).Pick(sqlite: " NOT INDEXED", postgres: "");
        var source = (add, wholeBot) switch
        {
            (true, true) => $"""
                (SELECT m.Id FROM Members m{scan} WHERE ({members})
                 EXCEPT SELECT t.MemberId FROM MemberTags t WHERE t.TagId = @tag ORDER BY 1) x
                CROSS JOIN Members m WHERE m.Id = x.Id
                """,
            (true, false) => $"Members m WHERE ({members}) AND NOT EXISTS (SELECT 1 FROM MemberTags t WHERE t.MemberId = m.Id AND t.TagId = @tag)",
            (false, true) => $"Members m{scan} WHERE m.Id IN (SELECT t.MemberId FROM MemberTags t WHERE t.TagId = @tag) AND ({members})",
            (false, false) => $"Members m WHERE ({members}) AND EXISTS (SELECT 1 FROM MemberTags t WHERE t.MemberId = m.Id AND t.TagId = @tag)",
        };
        await SqlBatch.LockMemberEventsAsync(db, tx, "SELECT BotId FROM Tags WHERE Id = @tag", ct, args);
        var before = await SqlBatch.ScalarAsync(db, tx, "SELECT coalesce(max(Id), 0) FROM MemberEvents", ct);
        var kind = (int)(add ? MemberEventKind.TagAdded : MemberEventKind.TagRemoved);
        args = [.. args, ("@before", before)];
        var changed = await SqlBatch.ExecuteAsync(db, tx, $"""
            INSERT INTO MemberEvents (BotId, MemberId, Kind, TagId, Cause, OccurredAt)
            SELECT m.BotId, m.Id, {kind}, @tag, {(int)cause}, @now
            FROM {source}
            """, ct, args);
        // The events after @before of this tag and kind: on SQLite (one writer) exactly this transaction's; on PostgreSQL
        // also those another transaction committed meanwhile for the same tag and kind, which make the same change.
        if (changed > 0)
            await SqlBatch.ExecuteAsync(db, tx, add
                ? $"""
                  INSERT INTO MemberTags (MemberId, TagId, AddedAt) SELECT MemberId, TagId, OccurredAt FROM MemberEvents
                  WHERE Id > @before AND TagId = @tag AND Kind = {kind} ON CONFLICT DO NOTHING
                  """
                : $"DELETE FROM MemberTags WHERE TagId = @tag AND MemberId IN (SELECT MemberId FROM MemberEvents WHERE Id > @before AND TagId = @tag AND Kind = {kind})",
                ct, args);
        return changed;
    }
}
