using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace JobTools.Paging
{
    /// <summary>
    /// Remembers strings as 64-bit fingerprints, so its memory does not grow with their length (a page token
    /// can be megabytes). A fingerprint joins two independent hashes, each seeded afresh in every process, so
    /// that a server cannot aim at a false match.
    /// </summary>
    internal sealed class FingerprintSet
    {
        private readonly HashSet<ulong> fingerprints = new HashSet<ulong>();

        /// <summary>Adds the value; false when it (or, by a chance that stays negligible, its fingerprint) was there already.</summary>
        public bool Add(string value) => fingerprints.Add(Fingerprint(value));

        private static ulong Fingerprint(string value)
        {
            var second = new HashCode();
            second.AddBytes(MemoryMarshal.AsBytes(value.AsSpan()));
            return ((ulong)(uint)value.GetHashCode() << 32) | (uint)second.ToHashCode();
        }
    }
}
