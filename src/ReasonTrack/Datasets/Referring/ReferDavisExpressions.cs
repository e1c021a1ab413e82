namespace ReasonTrack.Datasets.Referring;

/// <summary>
/// The four expression files of Refer-DAVIS17 (Khoreva et al., ACCV 2018; <c>davis_text_annotations/</c>): two
/// annotators, each describing every object once from the first frame only and once from the whole video. Papers
/// report one file or each of the four (ReferFormer's <c>scripts/dist_test_davis.sh</c> evaluates all four as
/// <c>anno_0</c>..<c>anno_3</c>).
/// </summary>
public enum ReferDavisExpressions
{
    /// <summary><c>Davis17_annot1.txt</c>: annotator 1, first-frame expressions (UTF-8). Our default: the instruction mode grounds on the first frame.</summary>
    Annotator1,

    /// <summary><c>Davis17_annot1_full_video.txt</c>: annotator 1, full-video expressions (UTF-8).</summary>
    Annotator1FullVideo,

    /// <summary><c>Davis17_annot2.txt</c>: annotator 2, first-frame expressions (Latin-1, as every public reader opens it).</summary>
    Annotator2,

    /// <summary><c>Davis17_annot2_full_video.txt</c>: annotator 2, full-video expressions (Latin-1).</summary>
    Annotator2FullVideo,
}
