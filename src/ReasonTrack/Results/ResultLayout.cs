namespace ReasonTrack.Results;

/// <summary>The folder layouts tracker results come in.</summary>
public enum ResultLayout
{
    /// <summary><c>&lt;dir&gt;/&lt;seq&gt;.txt</c>: one file per sequence directly in the folder.</summary>
    Plain,

    /// <summary>
    /// pytracking: <c>&lt;tracker&gt;/&lt;param&gt;[_NNN]/&lt;seq&gt;.txt</c>, tab-separated integers, one folder per run;
    /// <c>&lt;seq&gt;_time.txt</c> beside each file.
    /// </summary>
    Pytracking,

    /// <summary>The LaSOT/TNLLT/TNL2K Matlab toolkits: <c>&lt;Tracker&gt;_tracking_result/&lt;seq&gt;.txt</c>.</summary>
    MatlabToolkit,

    /// <summary>GOT-10k submission: <c>&lt;seq&gt;/&lt;seq&gt;_001.txt</c> (one file per run) and <c>&lt;seq&gt;_time.txt</c>.</summary>
    Got10k,

    /// <summary>VPTracker's release: <c>&lt;seq&gt;.txt</c> with rows written <c>x, y, w, h</c> (comma and space).</summary>
    VpTracker,
}
