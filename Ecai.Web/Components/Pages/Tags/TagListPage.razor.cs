using Ecai.Domain.Members;
using Ecai.Domain.Realtime;
using Ecai.Domain.Tags;
using Ecai.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Ecai.Web.Components.Pages.Tags;

/// <summary>
/// タグリスト: the bot's tags in folders (未分類 last), each with how many members have it and what
/// uses it; create, rename, move to a folder, rename a folder, delete (refused with the reason while
/// the identity form or a tag rule uses the tag). Filters by a search text; reloads live.
/// </summary>
public sealed partial class TagListPage : BotPage
{
    private TagList? _list;
    private string? _search;
    private string? _newName;
    private string? _newFolder;
    private string? _createError;
    private string? _notice;
    private bool _busy;
    private readonly HashSet<string> _collapsed = [];

    [Inject] private TagCatalog Tags { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task LoadAsync(int botId, CancellationToken ct) => _list = await Tags.ListAsync(botId, ct);

    /// <summary>Tags change here and elsewhere (another operator, the identity form, rules); member counts with members.</summary>
    protected override Task OnLiveEventAsync(LiveEvent e)
    {
        if (e is TagsChanged or MemberChanged or DashboardChanged) RequestReload();
        return Task.CompletedTask;
    }

    /// <summary>The folders and tags that match the search (a folder's name matches all its tags).</summary>
    private IReadOnlyList<(TagFolder Folder, IReadOnlyList<TagSummary> Tags)> Visible =>
        _list is null ? [] : TagFolders.Filter(_list, _search);

    private IReadOnlyList<string> FolderNames => _list?.FolderNames.ToList() ?? [];

    private Task<IEnumerable<string>> SearchFoldersAsync(string? text, CancellationToken ct) =>
        Task.FromResult(TagFolders.Suggest(FolderNames, text));

    private void Toggle(string folder, bool open)
    {
        if (open) _collapsed.Remove(folder);
        else _collapsed.Add(folder);
    }

    private async Task CreateOnEnterAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter") await CreateAsync();
    }

    private async Task CreateAsync()
    {
        if (Bot is null || _busy) return;
        _busy = true;
        try
        {
            var result = await Tags.CreateAsync(Bot.Id, _newName ?? "", _newFolder, Aborted);
            _createError = result.Error;
            if (!result.Succeeded) return;
            Snackbar.Add(L["Tags.Created", _newName!.Trim()], Severity.Success);
            _newName = null;
            await LoadAsync(Bot.Id, Aborted);
        }
        finally { _busy = false; }
    }

    /// <summary>Renames a tag from the version the list showed; a change made meanwhile is shown in the dialog, not overwritten.</summary>
    private async Task RenameAsync(TagSummary tag)
    {
        if (Bot is not { } bot) return;
        var version = tag.Version;
        await AskAsync(L["Tags.RenameTitle", tag.Name], L["Tags.Name"], null, tag.Name, null, async name =>
        {
            var result = await Tags.RenameAsync(bot.Id, tag.Id, name ?? "", version, Aborted);
            if (result.Fresh is not { } fresh) return new TagTextOutcome(result.Error);
            version = fresh.Version;
            return TagTextOutcome.StaleWith(fresh.Name);
        });
        await LoadAsync(bot.Id, Aborted);
    }

    private async Task MoveAsync(TagSummary tag)
    {
        if (Bot is not { } bot) return;
        var version = tag.Version;
        await AskAsync(L["Tags.MoveTitle", tag.Name], L["Tags.Folder"], L["Tags.FolderHelp"], tag.Folder, FolderNames, async folder =>
        {
            var result = await Tags.MoveAsync(bot.Id, tag.Id, folder, version, Aborted);
            if (result.Fresh is not { } fresh) return new TagTextOutcome(result.Error);
            version = fresh.Version;
            return TagTextOutcome.StaleWith(fresh.Folder);
        });
        await LoadAsync(bot.Id, Aborted);
    }

    private async Task RenameFolderAsync(string folder)
    {
        if (Bot is not { } bot) return;
        var saved = await AskAsync(L["Tags.RenameFolderTitle", folder], L["Tags.Folder"], L["Tags.RenameFolderHelp"], folder, null,
            async name => new TagTextOutcome(await Tags.RenameFolderAsync(bot.Id, folder, name ?? "", Aborted)));
        if (saved) await LoadAsync(bot.Id, Aborted);
    }

    /// <summary>Says at once why a tag in use cannot go; otherwise asks, then deletes (the service checks again).</summary>
    private async Task DeleteAsync(TagSummary tag)
    {
        if (Bot is not { } bot) return;
        _notice = null;
        if (await Tags.DeleteBlockerAsync(bot.Id, tag.Id, Aborted) is { } blocker)
        {
            _notice = L["Tags.DeleteRefused", tag.Name, blocker];
            return;
        }
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L["Tags.DeleteTitle"], L["Tags.DeleteConfirm", tag.Name, Fmt.Number(tag.Members)],
            yesText: L["Tags.DeleteYes"], cancelText: L["Common.Cancel"]);
        if (confirmed != true) return;
        if (await Tags.DeleteAsync(bot.Id, tag.Id, Aborted) is { } refused)
            _notice = L["Tags.DeleteRefused", tag.Name, refused];
        else
            Snackbar.Add(L["Tags.Deleted", tag.Name], Severity.Info);
        await LoadAsync(bot.Id, Aborted);
    }

    private async Task<bool> AskAsync(string title, string label, string? helper, string? value, IReadOnlyList<string>? folders,
        Func<string?, Task<TagTextOutcome>> save)
    {
        var parameters = new DialogParameters<TagTextDialog>
        {
            { d => d.Label, label },
            { d => d.HelperText, helper },
            { d => d.Value, value },
            { d => d.Folders, folders },
            { d => d.Save, save },
        };
        var dialog = await Dialogs.ShowAsync<TagTextDialog>(title, parameters,
            new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        return result is { Canceled: false };
    }
}

/// <summary>Search and suggestions on タグリスト, kept apart from the component so they read plainly.</summary>
public static class TagFolders
{
    /// <summary>Folders whose name contains <paramref name="text"/>; all of them when it is blank or already a
    /// folder's name (a field opened on the tag's folder still offers the others).</summary>
    public static IEnumerable<string> Suggest(IReadOnlyCollection<string> folders, string? text) =>
        string.IsNullOrWhiteSpace(text) || folders.Contains(text.Trim())
            ? folders
            : folders.Where(f => f.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The folders with the tags that match: a tag matches by its name, or by its folder's name.</summary>
    public static IReadOnlyList<(TagFolder Folder, IReadOnlyList<TagSummary> Tags)> Filter(TagList list, string? search)
    {
        var text = search?.Trim();
        if (string.IsNullOrEmpty(text)) return list.Folders.Select(f => (f, f.Tags)).ToList();
        return list.Folders
            .Select(f => (Folder: f, Tags: f.Name?.Contains(text, StringComparison.OrdinalIgnoreCase) == true
                ? f.Tags
                : (IReadOnlyList<TagSummary>)f.Tags.Where(t => t.Name.Contains(text, StringComparison.OrdinalIgnoreCase)).ToList()))
            .Where(x => x.Tags.Count > 0)
            .ToList();
    }
}
