using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ReasonTrack.Onnx;

/// <summary>
/// The device of an ONNX session, spelled <c>cpu</c>, <c>cuda</c> (= <c>cuda:0</c>) or <c>cuda:N</c> (CUDA device
/// ordinal N, as <c>CUDA_VISIBLE_DEVICES</c> numbers them). The default is the CPU; CUDA is opt-in and never replaced by
/// the CPU when it cannot be used (see <see cref="OnnxSessionFactory"/>).
/// </summary>
public readonly record struct OnnxDevice(OnnxDeviceKind Kind, int Index)
{
    public static OnnxDevice Cpu => new(OnnxDeviceKind.Cpu, 0);

    public static OnnxDevice Cuda(int index = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return new(OnnxDeviceKind.Cuda, index);
    }

    /// <summary>What <see cref="TryParse"/> accepts, for messages.</summary>
    public const string Spellings = "cpu, cuda or cuda:N (N = CUDA device number >= 0)";

    /// <summary>Parses <c>cpu</c>, <c>cuda</c>, <c>cuda:N</c> (case-insensitive, no spaces).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out OnnxDevice device)
    {
        device = Cpu;
        if (string.IsNullOrEmpty(text)) return false;
        if (text.Equals("cpu", StringComparison.OrdinalIgnoreCase)) return true;
        if (text.Equals("cuda", StringComparison.OrdinalIgnoreCase))
        {
            device = Cuda();
            return true;
        }
        if (!text.StartsWith("cuda:", StringComparison.OrdinalIgnoreCase)) return false;
        var digits = text.AsSpan(5);
        if (digits.IsEmpty || digits.ContainsAnyExceptInRange('0', '9')) return false;
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int index)) return false;
        device = Cuda(index);
        return true;
    }

    public override string ToString() => Kind == OnnxDeviceKind.Cpu ? "cpu" : "cuda:" + Index.ToString(CultureInfo.InvariantCulture);
}
