namespace Ecai.Domain.Carts;

/// <summary>What the operator is told when a call to a cart fails (pull and 接続テスト alike).</summary>
public static class CartFailures
{
    /// <summary>The Japanese message for a failure the operator or the cart can fix; null for anything else (a bug).</summary>
    public static string? OperatorMessage(Exception ex, CancellationToken ct) => ex switch
    {
        CartConnectionException cart => cart.Message,
        HttpRequestException { StatusCode: { } status } => $"カートのAPIがエラーを返しました(HTTP {(int)status})。時間をおいて再度お試しください。",
        HttpRequestException => "カートのAPIに接続できませんでした。APIドメインを確認してください。",
        TaskCanceledException when !ct.IsCancellationRequested => "カートのAPIが時間内に応答しませんでした。時間をおいて再度お試しください。",
        _ => null,
    };
}
