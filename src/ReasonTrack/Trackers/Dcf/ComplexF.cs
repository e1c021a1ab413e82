using System.Runtime.CompilerServices;

namespace ReasonTrack.Trackers.Dcf;

/// <summary>
/// A single-precision complex number. System.Numerics.Complex is double: twice the memory traffic for spectra
/// whose inputs are 8-bit pixels, so the filter works in float.
/// </summary>
internal struct ComplexF
{
    public float Re;
    public float Im;

    public ComplexF(float re, float im)
    {
        Re = re;
        Im = im;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexF operator +(ComplexF a, ComplexF b) => new(a.Re + b.Re, a.Im + b.Im);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexF operator -(ComplexF a, ComplexF b) => new(a.Re - b.Re, a.Im - b.Im);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexF operator *(ComplexF a, ComplexF b) => new(a.Re * b.Re - a.Im * b.Im, a.Re * b.Im + a.Im * b.Re);

    public override readonly string ToString() => $"({Re}, {Im})";
}
