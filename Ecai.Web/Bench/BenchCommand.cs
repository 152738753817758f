namespace Ecai.Web.Bench;

/// <summary>`dotnet run -c Release --project Ecai.Web -- bench`: prints name=value lines.</summary>
public static class BenchCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("bench: not yet available");
        return Task.FromResult(1);
    }
}
