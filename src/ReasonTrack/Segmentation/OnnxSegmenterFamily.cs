namespace ReasonTrack.Segmentation;

/// <summary>The SAM-family export layouts <see cref="OnnxBoxSegmenter"/> was written for (recognized by input names).</summary>
public enum OnnxSegmenterFamily
{
    /// <summary>
    /// Segment Anything (SAM v1) and MobileSAM: the decoder of segment-anything's <c>scripts/export_onnx_model.py</c>
    /// (<c>SamOnnxModel</c>): inputs <c>image_embeddings</c> [1,256,64,64], <c>point_coords</c> [1,N,2],
    /// <c>point_labels</c> [1,N], <c>mask_input</c> [1,1,256,256], <c>has_mask_input</c> [1], <c>orig_im_size</c> [2]
    /// (all float32); outputs <c>masks</c>, <c>iou_predictions</c>, <c>low_res_masks</c>. Encoder: one float32 input,
    /// either [1,3,1024,1024] (normalized, padded NCHW) or [H,W,3] (samexporter's <c>--use-preprocess</c>: the resized
    /// RGB image, 0..255); output <c>image_embeddings</c>.
    /// </summary>
    Sam,

    /// <summary>
    /// SAM 2 as samexporter's <c>export_sam2.py</c> writes it: encoder input <c>image</c> [1,3,1024,1024] float32,
    /// outputs <c>high_res_feats_0</c> [1,32,256,256], <c>high_res_feats_1</c> [1,64,128,128], <c>image_embed</c>
    /// [1,256,64,64]; decoder inputs <c>image_embed</c>, <c>high_res_feats_0</c>, <c>high_res_feats_1</c>,
    /// <c>point_coords</c> [1,N,2], <c>point_labels</c> [1,N], <c>mask_input</c> [1,1,256,256], <c>has_mask_input</c>
    /// [1]; outputs <c>masks</c> [1,K,256,256] (low resolution), <c>iou_predictions</c> [1,K].
    /// </summary>
    Sam2,
}
