using System.Security.Claims;
using Ecai.Domain.Jobs;

namespace Ecai.Web.Endpoints;

/// <summary>ジョブリスト downloads: only the operator who started the job gets its file, until it expires.</summary>
public static class JobFileEndpoints
{
    public const string ExpiredMessage = "このファイルは保存期間（7日間）を過ぎたため削除されました。もう一度ジョブを実行してください。";

    public static void MapJobFileEndpoints(this IEndpointRouteBuilder app)
    {
        // Signed-in operators only (the fallback policy); anyone else's run, or a run without a file, is a plain 404.
        app.MapGet("/jobs/{id:long}/download", async (long id, ClaimsPrincipal user, JobFiles files, CancellationToken ct) =>
        {
            if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } operatorId) return Results.NotFound();
            var file = await files.FindAsync(id, operatorId, ct);
            return file.Status switch
            {
                JobFileStatus.Ready => Results.File(file.FullPath!, "application/zip", file.FileName),
                JobFileStatus.Expired => Results.Text(ExpiredMessage, "text/plain; charset=utf-8", statusCode: StatusCodes.Status410Gone),
                _ => Results.NotFound(),
            };
        });
    }
}
