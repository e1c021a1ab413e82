using System.Globalization;
using System.Runtime.CompilerServices;
using ReasonTrack.Geometry;

namespace ReasonTrack.IO;

/// <summary>
/// A rectangular table of numbers read from a text file: the common format of ground truth, absence labels,
/// attributes and tracker results in every benchmark. Separators may be commas, tabs, semicolons or runs of
/// spaces (also mixed, as in <c>1, 2, 3, 4</c>); <c>nan</c>, <c>NaN</c>, <c>NA</c>, <c>inf</c>, <c>Infinity</c> in any
/// case are read as such; a UTF-8 byte-order mark, CRLF line ends and trailing blank lines are accepted. Anything
/// else that is not a number is an error naming the file, line and field. Lines read by a lenient rule (a ragged
/// row padded, an empty field read as 0, a blank line skipped, an infinite value) are listed in
/// <see cref="Irregularities"/> with what was assumed, so that callers can warn about them.
/// </summary>
public sealed class NumericTable
{
    private readonly double[] _values;
    private readonly int[] _lines;

    private NumericTable(string path, double[] values, int[] lines, int columns, List<TableIrregularity>? irregularities = null)
    {
        FilePath = path;
        _values = values;
        _lines = lines;
        Columns = columns;
        if (irregularities is not null)
        {
            // Ragged rows are found after parsing: merge them in line order (ties by kind, so the order is deterministic).
            irregularities.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Kind.CompareTo(b.Kind));
            Irregularities = irregularities;
        }
    }

    /// <summary>Lines read by a lenient rule, in line order, with what was assumed; empty for a clean file.</summary>
    public IReadOnlyList<TableIrregularity> Irregularities { get; } = [];

    /// <summary>The line of the first blank line skipped between data rows, or 0 when there is none.</summary>
    public int FirstSkippedBlankLine
    {
        get
        {
            foreach (var i in Irregularities) if (i.Kind == TableIrregularityKind.BlankLine) return i.Line;
            return 0;
        }
    }

    public string FilePath { get; }
    public int Columns { get; }
    public int RowCount => _lines.Length;
    public double this[int row, int col] => _values[row * Columns + col];
    public ReadOnlySpan<double> Row(int row) => _values.AsSpan(row * Columns, Columns);

    /// <summary>1-based line in the file of a row, for error messages.</summary>
    public int LineOf(int row) => _lines[row];

    public static NumericTable Empty(string path, int columns) => new(path, [], [], columns);

    public static NumericTable Read(string path, NumericTableOptions? options = null)
    {
        // The file goes into a pooled buffer: evaluation reads hundreds of thousands of rows in many small files.
        byte[]? buffer = null;
        try
        {
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            long length = fs.Length;
            if (length > int.MaxValue) throw new DataFormatException(path, "file too large");
            buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)Math.Max(1, length));
            int read = 0;
            while (read < length)
            {
                int n = fs.Read(buffer, read, (int)length - read);
                if (n == 0) break;
                read += n;
            }
            return Parse(path, buffer.AsSpan(0, read), options ?? NumericTableOptions.Strict);
        }
        catch (FileNotFoundException)
        {
            throw new DataFormatException(path, "file not found");
        }
        catch (DirectoryNotFoundException)
        {
            throw new DataFormatException(path, "file not found (its folder does not exist)");
        }
        catch (IOException e)
        {
            throw new DataFormatException(path, $"cannot read: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new DataFormatException(path, $"cannot read: {e.Message}");
        }
        finally
        {
            if (buffer is not null) System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Parses UTF-8 text already in memory; <paramref name="path"/> only names it in errors.</summary>
    public static NumericTable Parse(string path, ReadOnlySpan<byte> text, NumericTableOptions? options = null)
    {
        options ??= NumericTableOptions.Strict;
        if (text.Length >= 3 && text[0] == 0xEF && text[1] == 0xBB && text[2] == 0xBF) text = text[3..];

        // Size the buffers from the line count (a final line without its newline counts) and the first row's width,
        // so that a rectangular file is parsed without regrowing or copying.
        int lineCount = text.Count((byte)'\n') + (text.Length > 0 && text[^1] != (byte)'\n' ? 1 : 0);
        int firstWidth = FirstRowWidth(text);
        var values = new ValueBuffer(lineCount * Math.Max(1, firstWidth));
        var lines = new int[lineCount]; // rows <= lines holding text
        int[] rowLengths = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Max(1, lineCount));
        int rows = 0;
        int lineNo = 0;
        int pendingBlank = 0; // blank lines seen since the last data row
        int firstPendingBlank = 0;
        int maxCols = 0, minCols = int.MaxValue;
        List<TableIrregularity>? irregular = null; // allocated on the first liberty only

        while (text.Length > 0 || lineNo == 0)
        {
            lineNo++;
            int cols;
            if (text.Length > 0 && IsNumberStart(text[0]))
            {
                // A line that starts with a number is not blank: settle the blank lines before it, then read it in one
                // pass (numbers, separators and the line end together). Anything the fast pass does not know, it
                // leaves to the general reader below, which then reads the whole line as it always did.
                if (pendingBlank > 0 && rows > 0) SkipBlankLines(path, options, pendingBlank, firstPendingBlank, lineNo, rows, ref irregular);
                pendingBlank = 0;
                int used = TryFastLine(text, values, out cols);
                if (used > 0)
                {
                    text = text[used..];
                    rowLengths[rows] = cols;
                    lines[rows++] = lineNo;
                    if (cols > maxCols) maxCols = cols;
                    if (cols < minCols) minCols = cols;
                    continue;
                }
            }
            int nl = text.IndexOf((byte)'\n');
            var line = nl >= 0 ? text[..nl] : text;
            text = nl >= 0 ? text[(nl + 1)..] : ReadOnlySpan<byte>.Empty;
            if (line.Length > 0 && line[^1] == (byte)'\r') line = line[..^1];

            if (IsBlank(line))
            {
                if (pendingBlank == 0) firstPendingBlank = lineNo;
                pendingBlank++;
                if (nl < 0) break;
                continue;
            }
            if (pendingBlank > 0 && rows > 0) SkipBlankLines(path, options, pendingBlank, firstPendingBlank, lineNo, rows, ref irregular);
            pendingBlank = 0;

            cols = ParseLine(path, lineNo, line, values, options, ref irregular);
            rowLengths[rows] = cols;
            lines[rows++] = lineNo;
            if (cols > maxCols) maxCols = cols;
            if (cols < minCols) minCols = cols;
            if (nl < 0) break;
        }

        try
        {
            if (rows == 0) return new NumericTable(path, [], [], 0, irregular);
            if (rows < lines.Length) Array.Resize(ref lines, rows);

            // Rectangular check (or dlmread-style padding).
            if (minCols == maxCols) return new NumericTable(path, values.ToArray(), lines, maxCols, irregular);

            var lengths = rowLengths.AsSpan(0, rows);
            if (!options.PadShortRows)
            {
                int first = lengths[0];
                for (int r = 0; r < lengths.Length; r++)
                    if (lengths[r] != first)
                        throw new DataFormatException(path, lines[r], $"row has {lengths[r]} fields, the first row has {first}");
            }
            var padded = new double[rows * maxCols];
            int src = 0;
            for (int r = 0; r < lengths.Length; r++)
            {
                for (int c = 0; c < lengths[r]; c++) padded[r * maxCols + c] = values[src++];
            }
            ReportRaggedRows(lengths, lines, maxCols, ref irregular);
            return new NumericTable(path, padded, lines, maxCols, irregular);
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(rowLengths);
        }
    }

    /// <summary>Blank lines before data line <paramref name="lineNo"/>: an error, or skipped (dlmread) with an irregularity.</summary>
    private static void SkipBlankLines(string path, NumericTableOptions options, int pendingBlank, int firstPendingBlank, int lineNo, int rowsSoFar,
        ref List<TableIrregularity>? irregular)
    {
        if (!options.SkipInteriorBlankLines)
            throw new DataFormatException(path, firstPendingBlank, "blank line between data rows (a missing row?)");
        (irregular ??= []).Add(new TableIrregularity(firstPendingBlank, TableIrregularityKind.BlankLine,
            (pendingBlank == 1 ? "blank line" : $"{pendingBlank} blank lines") +
            $" between data rows, skipped as dlmread does: line {lineNo} is read as row {rowsSoFar + 1}, the rows after it one frame earlier than their line suggests"));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsNumberStart(byte b) => (uint)(b - (byte)'0') <= 9 || b == (byte)'-' || b == (byte)'+' || b == (byte)'.';

    /// <summary>
    /// One line in one pass, for the lines of real files: numbers in <see cref="DecimalText"/>'s grammar separated
    /// by one hard separator (comma, semicolon, tab) or by spaces (spaces around a hard separator allowed), an
    /// optional trailing separator and spaces, then <c>\n</c>, <c>\r\n</c>, a lone <c>\r</c> at the end of the text, or the
    /// end of the text. These are exactly the lines on which the general reader (<see cref="ParseLine"/>, after
    /// splitting at <c>\n</c> and dropping one <c>\r</c>) finds only such tokens, so the rows are the same, values bit
    /// for bit (the same <see cref="DecimalText"/> code reads each token). Returns the bytes used, the line end
    /// included, with the values appended; or 0, with nothing appended, for any other line (an empty field, a
    /// name such as NaN, leading spaces, a stray <c>\r</c>, a number the fast grammar leaves to the runtime...).
    /// </summary>
    private static int TryFastLine(ReadOnlySpan<byte> text, ValueBuffer values, out int cols)
    {
        int i = 0, n = text.Length;
        int mark = values.Count;
        cols = 0;
        while (true)
        {
            if (!DecimalText.TryScan(text, ref i, out double v) || double.IsInfinity(v)) break;
            values.Add(v);
            cols++;
            if (i >= n) return n;
            byte b = text[i];
            if (b == (byte)' ')
            {
                do i++; while (i < n && text[i] == (byte)' ');
                if (i < n && IsHardSeparator(text[i])) i++;
            }
            else if (IsHardSeparator(b))
            {
                i++;
            }
            else if (b != (byte)'\n' && b != (byte)'\r')
            {
                break; // the token goes on: not a number in the fast grammar
            }
            while (i < n && text[i] == (byte)' ') i++;
            if (i >= n) return n;
            b = text[i];
            if (b == (byte)'\n') return i + 1;
            if (b == (byte)'\r')
            {
                if (i + 1 == n) return n;
                if (text[i + 1] == (byte)'\n') return i + 2;
                break; // a \r inside the line is part of a token
            }
        }
        values.Truncate(mark);
        cols = 0;
        return 0;
    }

    /// <summary>
    /// Every row whose width differs from the most common one (the first such width on a tie): shorter rows were
    /// padded with zeros; rows of the widest width widened the table, so every other row was padded.
    /// </summary>
    private static void ReportRaggedRows(ReadOnlySpan<int> rowLengths, int[] lines, int maxCols, ref List<TableIrregularity>? irregular)
    {
        var counts = new Dictionary<int, int>();
        int usual = rowLengths[0], best = 0;
        foreach (int c in rowLengths)
        {
            int k = counts[c] = counts.GetValueOrDefault(c) + 1;
            if (k > best) { best = k; usual = c; }
        }
        for (int r = 0; r < rowLengths.Length; r++)
        {
            int c = rowLengths[r];
            if (c == usual) continue;
            string fields = c == 1 ? "1 field" : $"{c} fields";
            (irregular ??= []).Add(c < maxCols
                ? new TableIrregularity(lines[r], TableIrregularityKind.ShortRow,
                    $"{fields}, the other rows {usual}: padded with zeros to {maxCols} as dlmread does (value {c + 1}{(maxCols > c + 1 ? $"..{maxCols}" : "")} read as 0)")
                : new TableIrregularity(lines[r], TableIrregularityKind.LongRow,
                    $"{fields}, the other rows {usual}: as dlmread does, the table is widened to {c} columns and every other row padded with zeros"));
        }
    }

    /// <summary>Number of separators-plus-one on the first non-blank line: a cheap estimate of the column count.</summary>
    private static int FirstRowWidth(ReadOnlySpan<byte> text)
    {
        foreach (var range in text.Split((byte)'\n'))
        {
            var line = text[range];
            if (IsBlank(line)) continue;
            int fields = 1;
            bool inSpace = false;
            foreach (byte b in line.Trim((byte)' '))
            {
                if (IsHardSeparator(b)) { fields++; inSpace = false; }
                else if (b == (byte)' ') inSpace = true;
                else { if (inSpace) fields++; inSpace = false; }
            }
            return fields;
        }
        return 4;
    }

    /// <summary>A growable array of doubles that hands out its storage without a copy when it is full to size.</summary>
    private sealed class ValueBuffer(int capacity)
    {
        private double[] _items = new double[Math.Max(4, capacity)];
        public int Count { get; private set; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(double v)
        {
            if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
            _items[Count++] = v;
        }

        public double this[int i] => _items[i];

        public void Truncate(int count) => Count = count;

        public double[] ToArray()
        {
            if (Count == _items.Length) return _items;
            Array.Resize(ref _items, Count);
            return _items;
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (byte b in line) if (b != (byte)' ' && b != (byte)'\t' && b != (byte)'\r') return false;
        return true;
    }

    private static bool IsHardSeparator(byte b) => b == (byte)',' || b == (byte)';' || b == (byte)'\t';

    private static int ParseLine(string path, int lineNo, ReadOnlySpan<byte> line, ValueBuffer values, NumericTableOptions options,
        ref List<TableIrregularity>? irregular)
    {
        int count = 0;
        int i = 0;
        int n = line.Length;
        // Skip leading spaces.
        while (i < n && line[i] == (byte)' ') i++;
        while (true)
        {
            int start = i;
            while (i < n && line[i] != (byte)' ' && !IsHardSeparator(line[i])) i++;
            var token = line[start..i];
            // Skip spaces, then at most one hard separator, then spaces.
            while (i < n && line[i] == (byte)' ') i++;
            bool hard = false;
            if (i < n && IsHardSeparator(line[i])) { hard = true; i++; while (i < n && line[i] == (byte)' ') i++; }

            if (token.Length == 0)
            {
                // Empty field: between two hard separators, or a leading separator.
                if (!options.EmptyFieldIsZero)
                    throw new DataFormatException(path, lineNo, $"field {count + 1} is empty");
                (irregular ??= []).Add(new TableIrregularity(lineNo, TableIrregularityKind.EmptyField, $"field {count + 1} is empty: read as 0 as dlmread does"));
                values.Add(0);
            }
            else
            {
                double v = ParseNumber(path, lineNo, count + 1, token);
                if (double.IsInfinity(v))
                    (irregular ??= []).Add(new TableIrregularity(lineNo, TableIrregularityKind.Infinite,
                        $"field {count + 1} is '{System.Text.Encoding.UTF8.GetString(token)}': read as {(v > 0 ? "+Inf" : "-Inf")} (as dlmread and numpy do)"));
                values.Add(v);
            }
            count++;
            if (i >= n)
            {
                // A trailing hard separator ("1,2,3,4,") ends the row without another field, as dlmread reads it.
                break;
            }
            _ = hard;
        }
        return count;
    }

    private static double ParseNumber(string path, int lineNo, int field, ReadOnlySpan<byte> token)
    {
        // The plain decimals of real files take the fast path (same doubles as the runtime's parser, bit for bit);
        // everything else goes the way it always went.
        if (DecimalText.TryParse(token, out double v)) return v;
        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out v)) return v;
        Span<char> lower = stackalloc char[Math.Min(token.Length, 16)];
        if (token.Length <= 16)
        {
            for (int k = 0; k < token.Length; k++) lower[k] = char.ToLowerInvariant((char)token[k]);
            switch (lower[..token.Length])
            {
                case "nan" or "na" or "+nan" or "-nan": return double.NaN;
                case "inf" or "+inf" or "infinity" or "+infinity": return double.PositiveInfinity;
                case "-inf" or "-infinity": return double.NegativeInfinity;
            }
        }
        string shown = System.Text.Encoding.UTF8.GetString(token);
        if (shown.Length > 40) shown = shown[..40] + "...";
        throw new DataFormatException(path, lineNo, $"field {field} is not a number: '{shown}'");
    }

    /// <summary>
    /// The rows as boxes <c>[x, y, w, h]</c>; the table must have exactly 4 columns.
    /// </summary>
    public Box[] ToBoxes()
    {
        if (RowCount == 0) return [];
        if (Columns != 4)
            throw new DataFormatException(FilePath, LineOf(0), $"expected 4 values per row (x, y, w, h), found {Columns}");
        var boxes = new Box[RowCount];
        for (int r = 0; r < boxes.Length; r++)
        {
            int o = r * 4;
            boxes[r] = new Box(_values[o], _values[o + 1], _values[o + 2], _values[o + 3]);
        }
        return boxes;
    }

    /// <summary>All values in file order (row-major), for single-column and single-row files alike.</summary>
    public double[] Flatten() => (double[])_values.Clone();
}
