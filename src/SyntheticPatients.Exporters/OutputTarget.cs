namespace SyntheticPatients.Exporters;

/// <summary>
/// Where exporters create their files: a folder on disk, or nowhere. <see cref="Discard"/> is the dry run: every
/// byte is still encoded and handed to a stream, which counts it and drops it, so throughput and memory can be
/// measured at any patient count without the disk (a million patients of CSV alone would be about 250 GB).
/// </summary>
public abstract class OutputTarget
{
    /// <summary>The folder files are created in, or null when nothing is written.</summary>
    public abstract string? Directory { get; }

    /// <summary>Bytes handed to the streams of this target so far (counted for discarded output only; 0 on disk).</summary>
    public abstract long BytesDiscarded { get; }

    /// <summary>Files under <paramref name="directory"/> (created when missing).</summary>
    public static OutputTarget Folder(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        return new FolderTarget(directory);
    }

    /// <summary>A new target that writes nothing anywhere; each instance counts its own bytes.</summary>
    public static OutputTarget Discard() => new DiscardTarget();

    /// <summary>Creates (overwriting) the file at <paramref name="relativePath"/> ('/' separators), with its folders.</summary>
    /// <param name="relativePath">For example "csv/patients.csv".</param>
    /// <param name="bufferSize">The FileStream buffer size (0: unbuffered, the caller buffers).</param>
    /// <param name="readable">Open for reading too (Parquet's writer reads back what it wrote).</param>
    public abstract Stream Create(string relativePath, int bufferSize, bool readable = false);

    private sealed class FolderTarget(string directory) : OutputTarget
    {
        public override string Directory { get; } = directory;

        public override long BytesDiscarded => 0;

        public override Stream Create(string relativePath, int bufferSize, bool readable = false)
        {
            var path = Path.Combine(Directory, relativePath);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return new FileStream(path, FileMode.Create, readable ? FileAccess.ReadWrite : FileAccess.Write, FileShare.Read, bufferSize);
        }
    }

    private sealed class DiscardTarget : OutputTarget
    {
        private long _bytes;

        public override string? Directory => null;

        public override long BytesDiscarded => Interlocked.Read(ref _bytes);

        public override Stream Create(string relativePath, int bufferSize, bool readable = false) => new DiscardStream(this);

        /// <summary>A seekable stream that keeps its length and position but no bytes (reads see zeros).</summary>
        private sealed class DiscardStream(DiscardTarget owner) : Stream
        {
            private long _length, _position;

            public override bool CanRead => true;
            public override bool CanSeek => true;
            public override bool CanWrite => true;
            public override long Length => _length;

            public override long Position
            {
                get => _position;
                set => _position = value;
            }

            public override void Flush()
            {
            }

            public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

            public override int Read(Span<byte> buffer)
            {
                int n = (int)Math.Clamp(_length - _position, 0, buffer.Length);
                buffer[..n].Clear();
                _position += n;
                return n;
            }

            public override long Seek(long offset, SeekOrigin origin) => _position = origin switch
            {
                SeekOrigin.Begin => offset,
                SeekOrigin.Current => _position + offset,
                _ => _length + offset,
            };

            public override void SetLength(long value) => _length = value;

            public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

            public override void Write(ReadOnlySpan<byte> buffer)
            {
                _position += buffer.Length;
                if (_position > _length) _length = _position;
                Interlocked.Add(ref owner._bytes, buffer.Length);
            }

            public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            {
                Write(buffer, offset, count);
                return Task.CompletedTask;
            }

            public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
            {
                Write(buffer.Span);
                return ValueTask.CompletedTask;
            }

            public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        }
    }
}
