namespace ReasonTrack.Evaluation.Protocols;

/// <summary>The named protocols, each reproducing one official toolkit.</summary>
public static class ProtocolRegistry
{
    private static readonly Dictionary<string, Func<IEvaluationProtocol>> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["lasot-matlab"] = () => new LasotMatlabProtocol(),
        ["tnllt-matlab"] = () => new TnlltMatlabProtocol(),
        ["tnl2k-matlab"] = () => new Tnl2kMatlabProtocol(),
        ["otb"] = () => new OtbProtocol(),
        ["pytracking"] = () => new PytrackingProtocol(),
        ["got10k"] = () => new Got10kProtocol(),
    };

    public static IReadOnlyList<string> Keys => Factories.Keys.ToList();

    /// <summary>
    /// The protocol with this key, configured for a dataset where the toolkit has dataset switches (pytracking's
    /// <c>lasot</c>/<c>uav</c> branches).
    /// </summary>
    public static IEvaluationProtocol Get(string key, string? datasetKey) =>
        string.Equals(key, "pytracking", StringComparison.OrdinalIgnoreCase) ? new PytrackingProtocol(datasetKey) : Get(key);

    /// <summary>The protocol with this key.</summary>
    /// <exception cref="ArgumentException">Unknown key (the message lists the known ones).</exception>
    public static IEvaluationProtocol Get(string key) =>
        Factories.TryGetValue(key, out var f) ? f()
            : throw new InvalidSettingException("protocol", $"unknown protocol '{key}'; known: {string.Join(", ", Factories.Keys)}");
}
