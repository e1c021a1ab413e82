using ReasonTrack.Media;

namespace ReasonTrack.Training.Data;

/// <summary>
/// One recipe's sampler: draws a video's pairs from its own random stream, asks for the pixels of the frames it
/// drew, writes the images and returns the rows. All draws of a video happen before any pixel is read, in an order
/// each sampler documents, so the draws do not depend on decoding (an unreadable frame skips its pair, nothing else).
/// </summary>
public interface IPairSampler
{
    TrainingRecipe Recipe { get; }

    /// <param name="loadFrames">Decodes the given frame indices (see <see cref="FrameLoader"/>); the sampler disposes the frames.</param>
    VideoPart Sample(TrainingVideo video, DeterministicRandom random, Func<IEnumerable<int>, Dictionary<int, ImageFrame>> loadFrames, TrainingImageStore images);
}
