namespace ReasonTrack.Trackers.External;

/// <summary>One reply line of the protocol, parsed (fields absent from the line keep their defaults).</summary>
internal struct ExternalReply
{
    public bool HasBox;
    public double X, Y, W, H;
    public double Score;
    public bool HasScore;
    public bool Found;
    public bool HasFound;
    public bool Ok;
    public int Version;
    public double Milliseconds;
    public string? Error;
    public string? Name;
    public Geometry.Masks.Mask? Mask;
}
