namespace ReasonTrack.Reports.Html;

/// <summary>Whether sequence pages get an annotated video.</summary>
public enum HtmlReportVideo
{
    /// <summary>An annotated H.264 video per sequence whose frames are at hand (the dataset was loaded with its frames); none otherwise.</summary>
    Auto,

    /// <summary>No videos (charts, segments and timelines only).</summary>
    None,
}
