using ReasonTrack.Geometry.Masks;
using ReasonTrack.IO;
using ReasonTrack.Results.Masks;

namespace ReasonTrack.Tests.Results.Masks;

public class DavisPngFolderTests
{
    [Fact]
    public void Writes_frames_as_numbered_pngs_and_reads_them_back()
    {
        var masks = new SequenceMasks(9, 6);
        masks.Set(0, 1, Mask.FromBox(new(0, 0, 4, 3), 9, 6));
        masks.Set(0, 2, Mask.FromBox(new(5, 2, 4, 4), 9, 6));
        masks.Set(1, 2, Mask.FromBox(new(3, 3, 2, 2), 9, 6));
        masks.EnsureFrames(3);
        string dir = Path.Combine(Directory.CreateTempSubdirectory("rt-davis-").FullName, "seq");
        try
        {
            var files = DavisPngFolder.Write(dir, masks);
            Assert.Equal(["00000.png", "00001.png", "00002.png"], files.Select(Path.GetFileName));
            var back = DavisPngFolder.Read(dir);
            Assert.Equal(3, back.FrameCount);
            Assert.Equal(masks.Get(0, 1), back.Get(0, 1));
            Assert.Equal(masks.Get(0, 2), back.Get(0, 2));
            Assert.Null(back.Get(1, 1));
            Assert.Equal(masks.Get(1, 2), back.Get(1, 2));
            Assert.Empty(back.ObjectsIn(2));
            // Index values on disk, read independently of the mask layer.
            var labels = DavisPngFolder.ReadLabels(files[0]);
            Assert.Equal(1, labels[0, 0]);
            Assert.Equal(2, labels[8, 5]);
            Assert.Equal(0, labels[4, 0]);
        }
        finally { Directory.Delete(Path.GetDirectoryName(dir)!, true); }
    }

    [Fact]
    public void Void_is_dropped_unless_asked_and_sizes_must_agree()
    {
        string dir = Directory.CreateTempSubdirectory("rt-davis-").FullName;
        try
        {
            ReasonTrack.Media.Palette.IndexedPngWriter.Write(Path.Combine(dir, "00000.png"), [1, 255, 0, 0], 2, 2);
            Assert.Equal([1], DavisPngFolder.Read(dir).ObjectIds());
            Assert.Equal([1, 255], DavisPngFolder.Read(dir, keepVoid: true).ObjectIds());
            ReasonTrack.Media.Palette.IndexedPngWriter.Write(Path.Combine(dir, "00001.png"), [0, 0, 0], 3, 1);
            var e = Assert.Throws<DataFormatException>(() => DavisPngFolder.Read(dir));
            Assert.Contains("00001.png", e.Message);
        }
        finally { Directory.Delete(dir, true); }
    }
}
