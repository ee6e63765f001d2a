using System;
using System.Buffers;
using System.IO;

namespace JobTools.Aws.Runtime
{
    /// <summary>
    /// A whole response body in a buffer rented from the shared pool (sized from Content-Length when the
    /// response gives one), so that reading a page costs no large-object-heap allocation and no second copy.
    /// Dispose once decoded.
    /// </summary>
    internal readonly struct PooledBody : IDisposable
    {
        private const int UnknownLengthStart = 16 * 1024;
        private readonly byte[] buffer;
        private readonly int length;

        private PooledBody(byte[] buffer, int length)
        {
            this.buffer = buffer;
            this.length = length;
        }

        public ReadOnlySpan<byte> Span => buffer.AsSpan(0, length);

        public static PooledBody Read(Stream stream, long contentLength)
        {
            // One byte over the announced length, so that the end of the stream is seen without growing.
            byte[] buffer = ArrayPool<byte>.Shared.Rent(contentLength > 0 && contentLength < int.MaxValue - 1 ? (int)contentLength + 1 : UnknownLengthStart);
            int length = 0;
            try
            {
                int read;
                while ((read = stream.Read(buffer, length, buffer.Length - length)) > 0)
                {
                    length += read;
                    if (length == buffer.Length)
                    {
                        byte[] larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        Buffer.BlockCopy(buffer, 0, larger, 0, length);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                }

                return new PooledBody(buffer, length);
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }
        }

        public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);
    }
}
