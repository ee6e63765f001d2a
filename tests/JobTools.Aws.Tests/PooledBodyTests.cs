using System;
using System.IO;
using System.Linq;
using JobTools.Aws.Runtime;

namespace JobTools.Aws.Tests
{
    public sealed class PooledBodyTests
    {
        [Theory]
        [InlineData(0, 0)]
        [InlineData(5, 0)]
        [InlineData(100_000, 0)]          // length unknown: grows from its first buffer
        [InlineData(100_000, 100_000)]    // the usual case: Content-Length given
        [InlineData(100_000, 1_000)]      // a Content-Length that undersells the body loses nothing
        [InlineData(1_000, 100_000)]      // nor does one that oversells it
        public void TheWholeBodyIsRead(int size, long contentLength)
        {
            byte[] data = Enumerable.Range(0, size).Select(i => (byte)(i * 31)).ToArray();
            using var body = PooledBody.Read(new TrickleStream(data), contentLength);
            Assert.True(body.Span.SequenceEqual(data));
        }

        /// <summary>Hands out at most 777 bytes a read, as a network stream may.</summary>
        private sealed class TrickleStream : MemoryStream
        {
            public TrickleStream(byte[] data)
                : base(data)
            {
            }

            public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 777));
        }
    }
}
