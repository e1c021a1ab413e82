namespace ReasonTrack.Reasoning.Vlm;

/// <summary>Default coordinate convention for a model name.</summary>
public static class CoordinateConventions
{
    /// <summary>
    /// qwen2.5 → <see cref="CoordinateConvention.Qwen25Absolute"/>; qwen2-vl / qwen3 → <see cref="CoordinateConvention.Normalized1000"/>;
    /// anything else → <see cref="CoordinateConvention.AbsoluteAsSent"/>. <paramref name="overrideConvention"/> wins when given,
    /// for fine-tunes whose names do not reveal their base (R1-Track's checkpoints are Qwen2.5-VL fine-tunes).
    /// </summary>
    public static CoordinateConvention ForModel(string modelName, CoordinateConvention? overrideConvention = null)
    {
        ArgumentNullException.ThrowIfNull(modelName);
        if (overrideConvention is { } chosen) return chosen;
        // Served names are often paths ("/models/Qwen2.5-VL-7B-Instruct") or use '_' for '.'/'-'.
        string n = modelName.ToLowerInvariant().Replace('_', '-');
        if (n.Contains("qwen2.5") || n.Contains("qwen2-5") || n.Contains("qwen25")) return CoordinateConvention.Qwen25Absolute;
        if (n.Contains("qwen2-vl") || n.Contains("qwen2vl") || n.Contains("qwen3")) return CoordinateConvention.Normalized1000;
        return CoordinateConvention.AbsoluteAsSent;
    }
}
